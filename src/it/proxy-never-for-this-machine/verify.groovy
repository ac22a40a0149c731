import io.github.pypimaven.testing.*
try {
    def pypi = context.get('pypi')
    def proxy = context.get('proxy')
    assert pypi.uploadRequests()*.status == [200, 200]
    assert proxy.received() == [] : 'the proxy received ' + proxy.received()
    BuildLog.of(basedir).hasNoSecret('it-proxy-secret-e4d2').hasNoSecret('pypi-it-plain-secret-51f0')
    true
} finally {
    ItServers.closeAll()
}
