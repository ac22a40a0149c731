import io.github.pypimaven.testing.*
try {
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains('while Maven is offline (-o)')
    true
} finally {
    ItServers.closeAll()
}
