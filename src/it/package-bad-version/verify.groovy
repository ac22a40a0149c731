import io.github.pypimaven.testing.*
BuildLog.of(basedir).contains('1.0-foo-bar').contains('pythonVersion').hasNoStackTrace()
true
