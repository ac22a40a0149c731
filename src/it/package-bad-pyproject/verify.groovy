import io.github.pypimaven.testing.*
BuildLog.of(basedir).contains('pyproject.toml is not valid TOML at line 4').doesNotContain('[Source:').hasNoStackTrace()
true
