import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.files().size() == 2
    def log = BuildLog.of(basedir)
    log.contains('[DEBUG]').contains('with the token from environment variable PYPI_API_TOKEN')
       .hasNoSecret('pypi-it-env-secret-93aa')
}
