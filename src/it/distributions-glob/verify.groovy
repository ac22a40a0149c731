import io.github.pypimaven.testing.*
try {
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
    true
} finally {
    ItServers.closeAll()
}
