import io.github.pypimaven.testing.*
try {
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains('Skipping PyPI publishing (pypi.skip)')
    true
} finally {
    ItServers.closeAll()
}
