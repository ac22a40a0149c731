import io.github.pypimaven.testing.*
// What the build reads from a clean checkout, less the ITs (src/it) and the examples.
['pom.xml', '.mvn', 'src/main', 'src/test'].each { ItExamples.copyTree(new File(projectRoot, it), new File(basedir, it)) }
true
