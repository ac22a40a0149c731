import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.status == [200, 200]
    assert it.trustedPublishing().mintCount() == 2 : 'minted once at the start, once more before the second file'
    assert it.issuer().githubTokenRequests() == it.trustedPublishing().mintCount() : 'a fresh identity token per mint'
    assert uploads[0].tokenUsed != uploads[1].tokenUsed
    BuildLog.of(basedir).hasNoSecrets(uploads*.tokenUsed + it.issuer().issuedTokens())
}
