import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'module-a/dist'), 'module-a')
ItDistributions.write(new File(basedir, 'module-b/dist'), 'module-b')
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
