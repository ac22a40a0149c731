import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    // Compared with the index first: the sdist it has differs, so not even the wheel is sent.
    assert pypi.uploadRequests()*.status == [200] : 'only the earlier sdist'
    BuildLog.of(basedir).contains(ItDistributions.SDIST + ' is already on 127.0.0.1 with other content')
        .contains('Nothing was uploaded').contains('publish a new version').hasNoStackTrace()
        .hasNoSecret('pypi-it-plain-secret-51f0')
}
