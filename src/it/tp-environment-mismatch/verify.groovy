import io.github.pypimaven.testing.*
try {
    assert context.get('it').pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains('`invalid-publisher`').contains('environment').contains('Environment name')
        .hasNoStackTrace()
    true
} finally {
    ItServers.closeAll()
}
