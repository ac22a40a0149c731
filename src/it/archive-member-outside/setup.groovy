import io.github.pypimaven.testing.*
def dist = new File(basedir, 'dist').toPath()
TestDistributions.wheel('it-pkg', '1.0.0').metadataVersion('2.2').module('it_pkg/__init__.py', '')
    .rawMember('../evil.py', 'print("written outside site-packages")\n').writeTo(dist)
TestDistributions.sdist('it-pkg', '1.0.0').metadataVersion('2.2').module('it_pkg/__init__.py', '')
    .link('it_pkg-1.0.0/passwd', '/etc/passwd', true).writeTo(dist)
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
