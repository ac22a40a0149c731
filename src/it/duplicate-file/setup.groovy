import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
def pypi = ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0')
// An earlier, different sdist with the same name is already on the index.
def other = TestDistributions.sdist('it-pkg', '1.0.0').metadataVersion('2.2').field('Summary', 'an earlier build')
    .module('it_pkg/__init__.py', 'OLD = True\n').writeTo(new File(basedir, 'earlier').toPath())
ItUploads.upload(pypi.uploadUrl(), 'pypi-it-plain-secret-51f0', other)
context.put('pypi', pypi)
true
