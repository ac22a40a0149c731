import io.github.pypimaven.testing.*
ItServers.verify { ->
    def index = context.get('index')
    assert index.files().keySet() == [ItDistributions.WHEEL, ItDistributions.SDIST] as Set
    assert index.uploads()*.status == [200, 200] : 'the second run uploads nothing'
    assert index.requests().every { it.user() == 'it-deployer' } : 'every request, checkUrl too, with the login'
    assert index.requests().findAll { it.method() == 'GET' }*.status == [404, 200]
    BuildLog.of(basedir)
        .contains("with the password of user 'it-deployer' from settings.xml server 'private-index'")
        .contains(ItDistributions.WHEEL + ' is already on the index, identical: not uploaded again')
        .hasNoPassword('it-deployer', 'it-private-password-2c9d')
        .hasNoStackTrace()
}
