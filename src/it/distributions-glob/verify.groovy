import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
}
