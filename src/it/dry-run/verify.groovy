import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().uploadRequests().isEmpty() && it.issuer().githubTokenRequests() == 0
    BuildLog.of(basedir).contains('Dry run: would publish it-pkg 1.0.0 to http://127.0.0.1:')
        .contains("with the token from Trusted Publishing (GitHub Actions identity, audience 'pypi')")
        .contains('  it_pkg-1.0.0-py3-none-any.whl  ').contains('Dry run: every file passed the checks; nothing was sent')
        .contains('Dry run: publishing would fail (1 problem); nothing was sent.').contains('Maven is offline (-o), and')
        .doesNotContain('::add-mask::')
}
