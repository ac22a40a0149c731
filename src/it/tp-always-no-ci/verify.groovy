import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('it').pypi().requestCount() == 0
    BuildLog.of(basedir).contains('is always, but this build has no CI identity').contains('GitHub Actions')
        .contains('GitLab CI/CD').hasNoStackTrace()
}
