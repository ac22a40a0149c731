import io.github.pypimaven.testing.*
ItExamples.copy(projectRoot, 'graalpy-wordcount', basedir)
true
