import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('it').pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains('`invalid-publisher`').contains('environment').contains('Environment name')
        .hasNoStackTrace()
}
