import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    def proxy = context.get('proxy')
    assert pypi.uploadRequests()*.status == [200, 200]
    assert proxy.forwarded().size() == 2 && proxy.forwarded().every { it.startsWith('POST http://localhost:') }
    BuildLog.of(basedir).hasNoSecret('it-proxy-secret-e4d2').hasNoSecret('pypi-it-plain-secret-51f0')
}
