import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
new File(basedir, "dist/${ItDistributions.WHEEL}.publish.attestation").text = '{"version": 1}'
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
