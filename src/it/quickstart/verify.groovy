import io.github.pypimaven.testing.*
ItServers.verify { ->
    def readme = new File(projectRoot.toString(), 'README.md').text
    def goals = new Properties()
    new File(projectRoot.toString(), 'src/it/quickstart/invoker.properties').withReader { goals.load(it) }
    def fake = 'http://127.0.0.1:${it.pypi.port}/legacy/'
    def commands = (ReadmeBlocks.after(readme, '<!-- quick-start-commands -->') + ReadmeBlocks.after(readme, '<!-- quick-start-testpypi -->'))
        .readLines().findAll { it.startsWith('mvn ') }.collect { it.substring(4).replace('https://test.pypi.org/legacy/', fake) }
    assert commands == (1..4).collect { goals.getProperty("invoker.goals.${it}") } : 'the IT runs the README quick start commands'
    assert ReadmeBlocks.after(readme, '<!-- quick-start-testpypi -->').contains('export PYPI_API_TOKEN=')

    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.contentFilename == ['hello_maven-1.0.0-py3-none-any.whl', 'hello_maven-1.0.0.tar.gz']
    def index = new File(basedir, 'target/pypi-index')
    BuildLog.of(basedir).contains('Built hello_maven-1.0.0-py3-none-any.whl').contains('Install it with: pip install --index-url file:')
        .contains('Dry run: every file passed the checks; nothing was sent').hasNoStackTrace()
        .doesNotContain('[WARNING] The POM of').hasNoSecret('pypi-it-plain-secret-51f0')
    if (ItPython.available()) {
        def python = new ItPython(new File(basedir, 'target/python-check'))
        def installed = python.installFromIndex(index, 'hello-maven')
        assert python.runWith(installed, 'import hello_maven; print(hello_maven.greet("Maven"))') == 'Hello, Maven!'
    } else {
        println 'SKIPPED the pip check: /usr/bin/python3 with pip, flit_core and hatchling is not installed (.ci/run installs it)'
    }
}
