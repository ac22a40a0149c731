import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('it').pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains('PYPI_ID_TOKEN').contains('id_tokens:').contains('aud: pypi').hasNoStackTrace()
}
