import io.github.pypimaven.testing.*
BuildLog.of(basedir).contains("repositoryUrl (pypi.repositoryUrl) 'http://pypi.example.com/legacy/' cannot be used: plain http")
    .hasNoStackTrace()
true
