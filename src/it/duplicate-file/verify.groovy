import io.github.pypimaven.testing.*
try {
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.status == [200, 200, 400] : 'earlier sdist, then our wheel, then our refused sdist'
    BuildLog.of(basedir).contains('File already exists').contains('Publish a new version')
        .contains('Already uploaded: ' + ItDistributions.WHEEL).contains('Not uploaded: ' + ItDistributions.SDIST)
        .hasNoSecret('pypi-it-plain-secret-51f0')
    true
} finally {
    ItServers.closeAll()
}
