import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains('while Maven is offline (-o)')
}
