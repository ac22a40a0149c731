import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert !new File(basedir, 'pom.xml').exists()
    assert pypi.uploadRequests().isEmpty()
    assert pypi.requestCount() == 1 : 'the check compares the release with the simple API, and only that'
    BuildLog.of(basedir)
        .contains('Check: would publish it-pkg 1.0.0 to http://127.0.0.1:')
        .contains('with the token from settings.xml server')
        .contains('Check: every file passed the checks; nothing was sent (pypi:check)')
        .contains("No wheel or sdist to publish: without a project, pypi.distributions must name the files")
        .hasNoStackTrace()
}
