import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.issuer().githubTokenRequests() == 0
    assert it.pypi().requestCount() == 0 : 'nothing is sent when no credentials are usable'
    BuildLog.of(basedir).contains('No credentials for 127.0.0.1:')
        .contains('Trusted Publishing is tried automatically only for PyPI and TestPyPI')
        .contains('oidcAudience (pypi.oidcAudience)').hasNoStackTrace()
}
