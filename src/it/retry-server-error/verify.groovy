import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.status == [503, 200, 200]
    assert pypi.files().size() == 2
    BuildLog.of(basedir).contains('failed (HTTP 503: first byte timeout); trying again in 2.0 s (2 of 3)')
}
