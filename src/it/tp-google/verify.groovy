import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().uploadRequests()*.status == [200, 200]
    assert it.issuer().metadataRequests() >= 1
    BuildLog.of(basedir).contains('Google Cloud identity').hasNoSecrets(it.issuer().issuedTokens())
}
