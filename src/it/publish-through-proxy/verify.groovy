import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def proxy = context.get('proxy')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.status == [200, 200]
    assert it.issuer().githubTokenRequests() == 1
    // The identity token request, once with the proxy's credentials; nothing for localhost.
    assert proxy.forwarded().size() == 1 && proxy.forwarded()[0].startsWith('GET http://oidc.proxied.test:')
    assert proxy.received().every { it.contains('://oidc.proxied.test:') } : 'the proxy received ' + proxy.received()
    BuildLog.of(basedir).hasNoSecret('it-proxy-secret-e4d2')
        .hasNoSecrets(it.issuer().issuedTokens() + uploads*.tokenUsed.unique() + [githubRequestToken.toString()])
}
