import io.github.pypimaven.testing.*
ItExamples.copy(projectRoot, 'jython-greeter', basedir)
true
