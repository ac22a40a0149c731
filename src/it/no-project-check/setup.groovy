import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
