import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().uploadRequests().isEmpty()
    def log = BuildLog.of(basedir).contains('id-token: write').contains('JOB level').hasNoStackTrace()
        .doesNotContain('No credentials')
    assert log.hasLineStartingWith('::error title=Trusted Publishing failed::')
}
