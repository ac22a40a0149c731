import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert !new File(basedir, 'pom.xml').exists()
    assert it.pypi().uploadRequests()*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
    assert it.pypi().uploadRequests()*.status == [200, 200]
}
