import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0 : 'nothing may reach the index'
    BuildLog.of(basedir).contains('It.Pkg-1.0.0.tar.gz').contains('it_pkg-1.0.0.tar.gz').contains('nothing was uploaded')
        .hasNoStackTrace()
}
