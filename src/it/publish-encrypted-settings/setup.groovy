import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
context.put("pypi", ItServers.pypi(pypiPort, "pypi-it-encrypted-secret-7c1d"))
true
