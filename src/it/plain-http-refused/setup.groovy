import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
true
