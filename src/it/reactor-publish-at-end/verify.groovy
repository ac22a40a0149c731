import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.contentFilename == ['module_a-1.0.0-py3-none-any.whl', 'module_a-1.0.0.tar.gz',
                                                       'module_b-1.0.0-py3-none-any.whl', 'module_b-1.0.0.tar.gz']
    assert pypi.uploadRequests()*.status.every { it == 200 }
    def log = BuildLog.of(basedir).contains('Publishing deferred until the last module that publishes is built')
        .contains('All 3 modules that publish are built; publishing their distributions now (publishAtEnd)')
    // every upload comes after the last deferral
    def text = log.text()
    assert text.lastIndexOf('Publishing deferred') < text.indexOf('Uploaded module_a-1.0.0-py3-none-any.whl')
    // one HTTP client for the whole run: every module's uploads go over the same kept-alive connection
    assert pypi.uploadRequests()*.clientPort.unique().size() == 1 : pypi.uploadRequests()*.clientPort
}
