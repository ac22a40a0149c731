import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
    assert uploads*.status == [200, 200]
    assert it.trustedPublishing().mintCount() == 1
    assert it.issuer().githubTokenRequests() == 1
    def minted = uploads*.tokenUsed.unique()
    assert minted.size() == 1 && minted[0].startsWith('pypi-')
    def log = BuildLog.of(basedir)
    log.contains('[DEBUG]').contains('with the token from Trusted Publishing (GitHub Actions identity)')
    // Workflow commands work only at the very start of a line: never behind Maven's "[INFO] ".
    assert log.hasLineStartingWith('::add-mask::')
    log.doesNotContain('] ::add-mask::')
    log.hasNoSecrets(it.issuer().issuedTokens() + minted + [githubRequestToken.toString()])
    def summary = new File(fixtures.toString(), 'tp-github-success.summary.md').text
    assert summary.contains('| `it_pkg-1.0.0-py3-none-any.whl` |') && summary.contains('| `it_pkg-1.0.0.tar.gz` |')
}
