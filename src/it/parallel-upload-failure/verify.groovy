import io.github.pypimaven.testing.*
def pypi = context.get('pypi')
ItServers.verify { ->
    def refused = 'it_pkg-1.0.0-py3-none-manylinux_2_17_x86_64.whl'
    // The release in the order the plugin reports it: wheels by file name, then the sdist (with parallelUploads above 1
    // it sends them in another order: the smallest wheel alone, then the largest first).
    def release = (new File(basedir, 'dist').list().findAll { it.endsWith('.whl') }.sort()) + ['it_pkg-1.0.0.tar.gz']
    def requested = pypi.uploadRequests()*.contentFilename()
    assert !requested.contains('it_pkg-1.0.0.tar.gz') : 'the sdist never started'
    assert requested.size() < release.size() : "no upload started after the refusal: $requested"
    def onIndex = pypi.files().keySet()
    assert !onIndex.contains(refused) && onIndex.size() >= 2 : onIndex
    def uploaded = release.findAll { onIndex.contains(it) }
    def missing = release.findAll { !onIndex.contains(it) }
    BuildLog.of(basedir).contains(refused).contains('Invalid distribution file.')
        .contains("Already uploaded: ${uploaded.join(', ')}. Not uploaded: ${missing.join(', ')}.")
        .contains('Upload progress lines off')
        .hasNoStackTrace().hasNoSecret('pypi-it-plain-secret-51f0')
}
