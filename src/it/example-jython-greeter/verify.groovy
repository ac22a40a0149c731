import io.github.pypimaven.testing.*
def wheel = 'jython_greeter-1.0.0-py2.py3-none-any.whl'
def sdist = 'jython_greeter-1.0.0.tar.gz'
ItExamples.assertSameFiles(new File(basedir, 'target/dist-first'), new File(basedir, 'target/dist'), [wheel, sdist])
def index = new File(basedir, 'target/pypi-index')
def page = new File(index, 'simple/jython-greeter/index.html').text
def sha256 = java.security.MessageDigest.getInstance('SHA-256').digest(new File(basedir, 'target/dist/' + wheel).bytes).encodeHex()
assert page.contains('<a href="../../files/' + wheel + '#sha256=' + sha256 + '"') : page
assert page.contains('data-dist-info-metadata')
def log = BuildLog.of(basedir)
// The Python package ran under Jython 2.7, through the Java class (GreeterOnJythonTest), and wrote no $py.class files.
assert log.text().lines().anyMatch { it.startsWith('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') && it.endsWith('in com.example.greeter.GreeterOnJythonTest') }
def compiled = []
new File(basedir, 'src').eachFileRecurse { if (it.name.endsWith('$py.class') || it.name == '__pycache__') compiled << it }
assert compiled.isEmpty() : compiled
log.contains('Built ' + wheel).contains('Built ' + sdist)
// The publish goal ends with the pip command that installs what it published.
def lines = log.text().lines().toList()
def summary = lines.findIndexOf { it.contains('Published jython-greeter 1.0.0 to local index') }
def install = lines.findIndexOf { it.contains('Install it with: pip install --index-url file:') }
assert summary >= 0 && install > summary
assert lines.subList(install + 1, lines.size()).every { !it.contains('pypi-maven-plugin') && !it.contains('jython_greeter-') }

if (ItPython.available()) {
    def python = new ItPython(new File(basedir, 'target/python-check'))
    def installed = python.installFromIndex(index, 'jython-greeter')
    assert python.runWith(installed, 'import greeter; print(greeter.greet("IT"), greeter.implementation())') == 'Hello, IT! python'
    def rebuilt = python.wheelFromSdist(new File(basedir, 'target/dist/' + sdist))
    assert ItPython.pythonFiles(rebuilt) == ItPython.pythonFiles(new File(basedir, 'target/dist/' + wheel))
} else {
    println 'SKIPPED the pip checks: /usr/bin/python3 with pip, flit_core and hatchling is not installed (.ci/run installs it)'
}
true
