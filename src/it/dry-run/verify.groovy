import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().uploadRequests().isEmpty() && it.issuer().githubTokenRequests() == 0
    BuildLog.of(basedir).contains('Dry run: would publish it-pkg 1.0.0 to http://127.0.0.1:')
        .contains("with the token from Trusted Publishing (GitHub Actions identity, audience 'pypi')")
        .contains('  it_pkg-1.0.0-py3-none-any.whl  ').contains('Dry run: every file passed the checks; nothing was sent')
        .contains('Dry run: publishing would fail (1 problem); nothing was sent.').contains('Maven is offline (-o), and')
        .contains('Dry run: no attestations (PEP 740) would be made: 127.0.0.1:')
        .contains("Dry run: attestations (PEP 740) would be made because attestations (pypi.attestations) is true and"
                + " the upload uses Trusted Publishing: a signing certificate from https://fulcio.sigstore.dev, a log"
                + " entry per file in https://rekor.sigstore.dev")
        .doesNotContain('::add-mask::')
}
