import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.files().keySet() == [ItDistributions.WHEEL, ItDistributions.SDIST] as Set
    assert pypi.uploadRequests()*.tokenUsed.unique() == ['pypi-it-encrypted-secret-7c1d']
    BuildLog.of(basedir).contains("with the token from settings.xml server 'pypi-encrypted'")
        .hasNoSecret('pypi-it-encrypted-secret-7c1d')
}
