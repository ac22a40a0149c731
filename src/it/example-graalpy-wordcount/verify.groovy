import io.github.pypimaven.testing.*
def wheel = 'graalpy_wordcount-2.1.0-py3-none-any.whl'
def sdist = 'graalpy_wordcount-2.1.0.tar.gz'
ItExamples.assertSameFiles(new File(basedir, 'target/dist-first'), new File(basedir, 'target/dist'), [wheel, sdist])
def log = BuildLog.of(basedir)
// pypi:package found the sources in GraalPy's layout by itself (the example's POM does not name them).
log.contains('Python sources: src/main/resources/org.graalvm.python.vfs/src (GraalPy\'s layout')
// The Python code ran in GraalPy: the example's tests, then the consumer's on the installed release.
for (test in ['com.example.wordcount.WordCountTest', 'com.example.wordcount.consumer.WordCountConsumerTest']) {
    assert log.text().lines().anyMatch { it.startsWith('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') && it.endsWith('in ' + test) } : test
}
def index = new File(projectRoot, 'target/it-graalpy-index')
assert new File(index, 'simple/graalpy-wordcount/index.html').text.contains(wheel)
log.contains('Install it with: pip install --index-url file:')
// The consumer's pip (GraalPy's, run by graalpy-maven-plugin) installed the release from that index and nowhere else.
def simple = index.toPath().toUri().toString().replaceAll('/$', '') + '/simple'
def lines = log.text().lines().toList()
def install = lines.findIndexOf { it.contains('-m pip install') && it.endsWith(' graalpy-wordcount==2.1.0') }
def installed = lines.findIndexOf(install) { it == 'Successfully installed graalpy-wordcount-2.1.0' }
assert install >= 0 && installed > install : 'pip install of graalpy-wordcount==2.1.0'
def pip = lines.subList(install, installed)
assert pip.contains('Looking in indexes: ' + simple + ', ' + simple) : pip
assert !pip.any { it.startsWith('Looking in links') } : pip
def venv = new File(basedir, 'consumer/target/classes/org.graalvm.python.vfs/venv')
def modules = []
venv.eachFileRecurse { if (it.path.endsWith('site-packages/wordcount/__init__.py')) modules << it }
assert modules.size() == 1 : "wordcount in the consumer's venv: $modules"
assert modules[0].text == new File(basedir, 'src/main/resources/org.graalvm.python.vfs/src/wordcount/__init__.py').text

if (ItPython.available()) {
    def python = new ItPython(new File(basedir, 'target/python-check'))
    def cpython = python.installFromIndex(index, 'graalpy-wordcount')
    assert python.runWith(cpython, 'import wordcount; print(wordcount.count("b a b"))') == "[('b', 2), ('a', 1)]"
    def metadata = python.runWith(cpython, 'import importlib.metadata as m; d = m.distribution("graalpy-wordcount"); print(d.version, d.metadata["License-Expression"], d.metadata["Requires-Python"])')
    assert metadata == '2.1.0 MIT >=3.8' : metadata
    def rebuilt = python.wheelFromSdist(new File(basedir, 'target/dist/' + sdist))
    assert ItPython.pythonFiles(rebuilt) == ItPython.pythonFiles(new File(basedir, 'target/dist/' + wheel))
} else {
    println 'SKIPPED the pip checks: /usr/bin/python3 with pip, flit_core and hatchling is not installed (.ci/run installs it)'
}
true
