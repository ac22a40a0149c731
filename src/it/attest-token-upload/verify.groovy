import io.github.pypimaven.testing.*
def pypi = context.get('pypi')
ItServers.verify { ->
    def uploads = pypi.uploadRequests()
    assert uploads*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST]
    // the fake PyPI, as Warehouse, refuses any attestations field on a token upload: 200 means none was sent
    assert uploads*.status == [200, 200]
    assert uploads.every { !it.hasField('attestations') }
    def log = BuildLog.of(basedir)
        .contains("No attestations (PEP 740): the upload does not use Trusted Publishing, and attestations are made only for uploads by Trusted Publishing (attestations=true) (so the existing ${ItDistributions.WHEEL}.publish.attestation is not uploaded)")
        .doesNotContain('Attestations (PEP 740) are on')
        .hasNoSecret('pypi-it-plain-secret-51f0')
    assert log.text().count('No attestations (PEP 740)') == 1 : 'one line says why'
}
