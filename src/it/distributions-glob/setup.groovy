import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
new File(basedir, 'dist/it_pkg-1.0.0.tar.gz.publish.attestation').text = '{}' // not a distribution: ignored
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
