import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.contentFilename == ['module_a-1.0.0-py3-none-any.whl', 'module_a-1.0.0.tar.gz',
                                        'module_b-1.0.0-py3-none-any.whl', 'module_b-1.0.0.tar.gz']
    assert uploads*.status.every { it == 200 }
    // one exchange of the job's one ID token; both releases upload with the token it gave
    assert it.trustedPublishing().mintRequests() == 1
    assert uploads*.tokenUsed.unique().size() == 1
    BuildLog.of(basedir).contains('GitLab CI/CD identity').hasNoSecrets(uploads*.tokenUsed.unique())
}
