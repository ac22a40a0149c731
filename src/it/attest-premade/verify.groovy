import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    def sigstore = context.get('sigstore')
    def premade = context.get('premade')
    def uploads = it.pypi().uploadRequests()
    assert uploads*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
    assert uploads*.status == [200, 200]
    uploads.each { upload ->
        def file = new File(basedir, "dist/${upload.contentFilename}.publish.attestation")
        assert upload.value('attestations') == '[' + file.text + ']' : 'uploaded as the other tool wrote it'
    }
    assert sigstore.fulcio().certificatesIssued() == premade[0] : 'no new certificate'
    assert sigstore.rekor().entriesAdded() == premade[1] : 'no new log entry'
    assert it.issuer().githubTokenRequests() == premade[2] + 1 : 'only the identity token for PyPI'
    BuildLog.of(basedir)
        .contains("Attestation of ${ItDistributions.WHEEL}: the existing ${ItDistributions.WHEEL}.publish.attestation, Rekor log index ")
        .doesNotContain('Attested ')
        .hasNoStackTrace()
    assert new File(fixtures.toString(), 'attest-premade.summary.md').text.contains('[Rekor log index ')
}
