import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.status == [200, 200]
    assert it.trustedPublishing().mintCount() == 1
    BuildLog.of(basedir).contains('GitLab CI/CD identity').doesNotContain('::add-mask::')
        .hasNoSecrets(uploads*.tokenUsed.unique())
}
