import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains("distributions (pypi.distributions) pattern 'target/python-dist/*.whl' matched no file")
        .hasNoStackTrace()
}
