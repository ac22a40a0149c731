import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def sigstore = context.get('sigstore')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
    // 200: the fake PyPI verified each attestation against the Trusted Publisher, as Warehouse does
    assert uploads*.status == [200, 200]
    uploads.each { upload ->
        def saved = new File(basedir, "dist/${upload.contentFilename}.publish.attestation")
        assert saved.isFile() : "$saved written next to the file"
        assert upload.value('attestations') == '[' + saved.text + ']'
    }
    assert sigstore.fulcio().certificatesIssued() == 1 : 'one certificate for the run'
    assert sigstore.rekor().entriesAdded() == 2
    assert it.issuer().githubTokenRequests() == 2 : 'one identity token for PyPI, one for Sigstore'
    def minted = uploads*.tokenUsed.unique()
    def log = BuildLog.of(basedir)
    log.contains('Attestations (PEP 740) are on because attestations (pypi.attestations) is true')
        .contains("Attested ${ItDistributions.WHEEL}: Rekor log index ")
        .contains("(saved as ${ItDistributions.SDIST}.publish.attestation)")
        .contains("Uploaded ${ItDistributions.WHEEL} with its attestation")
        .contains("    attestation: Rekor log index ")
        .contains("http://127.0.0.1:${sigstore.rekor().url().split(':')[2]}/api/v1/log/entries?logIndex=")
        .hasNoSecrets(it.issuer().issuedTokens() + minted + [githubRequestToken.toString()])
    it.issuer().issuedTokens().each { token -> assert log.masks(token) : 'every identity token is masked first' }
    log.doesNotContain('] ::add-mask::')
    def summary = new File(fixtures.toString(), 'attest-github-success.summary.md').text
    assert summary.contains('| File | Size | SHA-256 | Attestation |')
    assert summary.contains("| `${ItDistributions.WHEEL}` |") && summary.contains('[Rekor log index ')
}
