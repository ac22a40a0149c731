import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.issuer().githubTokenRequests() == 0 && it.pypi().requestCount() == 0
    BuildLog.of(basedir).contains('No credentials').contains('trustedPublishing is never')
}
