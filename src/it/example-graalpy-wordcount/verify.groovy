import io.github.pypimaven.testing.*
def wheel = 'graalpy_wordcount-2.1.0-py3-none-any.whl'
def sdist = 'graalpy_wordcount-2.1.0.tar.gz'
ItExamples.assertSameFiles(new File(basedir, 'target/dist-first'), new File(basedir, 'target/dist'), [wheel, sdist])
def index = new File(basedir, 'target/pypi-index')
assert new File(index, 'simple/graalpy-wordcount/index.html').text.contains(wheel)
BuildLog.of(basedir).contains('Install it with: pip install --index-url file:')

if (ItPython.available()) {
    def python = new ItPython(new File(basedir, 'target/python-check'))
    def installed = python.installFromIndex(index, 'graalpy-wordcount')
    assert python.runWith(installed, 'import wordcount; print(wordcount.count("b a b"))') == "[('b', 2), ('a', 1)]"
    def metadata = python.runWith(installed, 'import importlib.metadata as m; d = m.distribution("graalpy-wordcount"); print(d.version, d.metadata["License-Expression"], d.metadata["Requires-Python"])')
    assert metadata == '2.1.0 MIT >=3.8' : metadata
    def rebuilt = python.wheelFromSdist(new File(basedir, 'target/dist/' + sdist))
    assert ItPython.pythonFiles(rebuilt) == ItPython.pythonFiles(new File(basedir, 'target/dist/' + wheel))
} else {
    println 'SKIPPED the pip checks: /usr/bin/python3 with pip and flit_core is not installed (.ci/run installs it)'
}
true
