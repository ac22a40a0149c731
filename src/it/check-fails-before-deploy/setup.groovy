import io.github.pypimaven.testing.*
def dist = new File(basedir, 'dist').toPath()
ItDistributions.write(dist)
TestDistributions.sdist('it-pkg', '1.0.0').metadataVersion('2.2').filename('It.Pkg-1.0.0.tar.gz')
    .module('it_pkg/__init__.py', '').writeTo(dist)
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
