import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().requestCount() == 0 && it.issuer().githubTokenRequests() == 0
    BuildLog.of(basedir).contains('trustedPublishing (pypi.trustedPublishing) is always, but an API token is also configured')
        .contains('environment variable PYPI_API_TOKEN').hasNoSecret('pypi-it-env-secret-93aa')
}
