import io.github.pypimaven.testing.*
ItServers.verify { ->
    def index = context.get('index')
    assert index.files().keySet() == [ItDistributions.WHEEL, ItDistributions.SDIST] as Set
    assert index.requests().every { it.user() == 'gitlab-ci-token' } : 'the job token, for checkUrl too'
    assert index.requests().findAll { it.method() == 'GET' }*.status == [404]
    BuildLog.of(basedir)
        .contains('with the GitLab CI/CD job token (CI_JOB_TOKEN)')
        .hasNoPassword('gitlab-ci-token', 'it-job-token-8b3a')
        .hasNoStackTrace()
}
