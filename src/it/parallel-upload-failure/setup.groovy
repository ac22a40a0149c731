import io.github.pypimaven.testing.*
import java.time.Duration
def dist = new File(basedir, 'dist').toPath()
ItDistributions.write(dist)
['manylinux_2_17_x86_64', 'manylinux_2_17_aarch64', 'musllinux_1_2_x86_64', 'macosx_11_0_arm64', 'win_amd64'].each {
    TestDistributions.wheel('it-pkg', '1.0.0').metadataVersion('2.2').platformTag(it)
        .module('it_pkg/__init__.py', '').writeTo(dist)
}
// Every answer takes a while, so that uploads that may overlap do.
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0').processingDelay(Duration.ofMillis(300))
    .failUploadsOf('it_pkg-1.0.0-py3-none-manylinux_2_17_x86_64.whl', 400, 'Invalid distribution file.'))
true
