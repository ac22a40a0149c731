import io.github.pypimaven.testing.*
try {
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains("distributions (pypi.distributions) pattern 'target/python-dist/*.whl' matched no file")
        .hasNoStackTrace()
    true
} finally {
    ItServers.closeAll()
}
