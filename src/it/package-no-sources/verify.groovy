import io.github.pypimaven.testing.*
BuildLog.of(basedir).contains('src/main/python').contains('pythonSourceDirectory').hasNoStackTrace()
true
