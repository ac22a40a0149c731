import io.github.pypimaven.testing.*
import java.util.zip.ZipFile

def wheel = 'package_graalpy-1.0.0-py3-none-any.whl'
def metadata = { String dir ->
    new ZipFile(new File(basedir, dir + '/' + wheel)).withCloseable { zip ->
        assert zip.getEntry('wordlib/__init__.py') != null : 'the sources come from GraalPy\'s resource directory'
        zip.getInputStream(zip.getEntry('package_graalpy-1.0.0.dist-info/METADATA')).text
    }
}
def log = BuildLog.of(basedir)
log.contains('Python sources: src/main/resources/GRAALPY-VFS/it.pypimaven/package-graalpy/src (GraalPy\'s layout')
// As configured: termcolor is named in a warning and not copied; requests is required already (names compare normalized).
log.contains("[WARNING] graalpy-maven-plugin's <packages> installs 'termcolor==2.2', but package-graalpy 1.0.0 does not require it")
log.doesNotContain("installs 'Requests>=2.31'")
def first = metadata('target/dist')
assert first.contains('Requires-Dist: requests>=2.0\n') && !first.contains('termcolor') : first
// With requiresFromGraalPyPackages: copied with its specifier, requests left as the project wrote it.
log.contains("Requires-Dist: termcolor==2.2 (copied from graalpy-maven-plugin's <packages>")
def copied = metadata('target/dist-copied')
assert copied.contains('Requires-Dist: requests>=2.0\nRequires-Dist: termcolor==2.2\n') && !copied.contains('Requests>=2.31') : copied
true
