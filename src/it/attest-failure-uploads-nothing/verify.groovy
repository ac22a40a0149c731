import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def sigstore = context.get('sigstore')
    assert it.pypi().uploadRequests().isEmpty() : 'nothing was uploaded'
    assert sigstore.fulcio().certificatesIssued() == 1
    assert sigstore.rekor().entriesAdded() == 0
    assert !new File(basedir, "dist/${ItDistributions.WHEEL}.publish.attestation").exists()
    def log = BuildLog.of(basedir)
        .contains("Attestations (PEP 740) failed at the step 'transparency log entry from Rekor': Could not record the signature in Rekor at http://127.0.0.1:")
        .contains('Nothing was uploaded. Attestations are on because attestations (pypi.attestations) is true and the upload uses Trusted Publishing; set attestations (pypi.attestations) to false to publish without them.')
        .hasNoStackTrace()
        .hasNoSecrets(it.issuer().issuedTokens() + [githubRequestToken.toString()])
    assert log.hasLineStartingWith('::error title=Attestations failed%3A nothing was published to 127.0.0.1%3A')
}
