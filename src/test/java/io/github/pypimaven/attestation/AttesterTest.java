package io.github.pypimaven.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-level signer against the fake Fulcio and Rekor: what it makes, how it paces itself. */
class AttesterTest {

    @TempDir
    java.nio.file.Path dir;
    private SigstoreFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SigstoreFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void attestsEveryFileWithOneCertificateAndVerifiesAsPyPIWould() throws Exception {
        List<AttestationSubject> files = f.files(3);
        List<AttestedFile> attested = f.attester.attest(files, f.github(), f.http, f.settings());

        assertEquals(files, attested.stream().map(AttestedFile::subject).toList());
        assertEquals(1, f.sigstore.fulcio().certificatesIssued());
        assertEquals(3, f.sigstore.rekor().entriesAdded());
        for (AttestedFile file : attested) {
            Attestation read = AttestationJson.read(file.json(), file.subject().fileName());
            assertArrayEquals(Statement.publish(file.subject()), read.statement());
            assertEquals(Statement.PUBLISH_PREDICATE, f.verifier.verify(read, file.subject(),
                    new ExpectedIdentity.GitHubPublisher("octo-org/octo-repo", "release.yml"), Optional.of(f.trustedRoot)));
            assertTrue(file.logIndex() >= 1_000_000, "the global index: " + file.logIndex());
            assertEquals(f.sigstore.rekor().url() + "/api/v1/log/entries?logIndex=" + file.logIndex(),
                    file.entryUrl().toString());
            assertArrayEquals(attested.get(0).attestation().certificate(), file.attestation().certificate());
        }
    }

    @Test
    void verifiesTheAttestationsOfAFileTogether() throws Exception {
        AttestedFile file = f.attester.attest(f.files(1), f.github(), f.http, f.settings()).get(0);
        ExpectedIdentity publisher = new ExpectedIdentity.GitHubPublisher("octo-org/octo-repo", "release.yml");
        f.verifier.verifyAll(List.of(file.attestation()), file.subject(), publisher, Optional.of(f.trustedRoot));
        AttestationException e = assertThrows(AttestationException.class, () -> f.verifier.verifyAll(
                List.of(file.attestation(), file.attestation()), file.subject(), publisher, Optional.of(f.trustedRoot)));
        assertEquals(AttestationStep.STATEMENT, e.step());
        assertTrue(e.getMessage().contains("two attestations of the predicate type"
                + " https://docs.pypi.org/attestations/publish/v1"), e.getMessage());
    }

    @Test
    void theStatementIsPyPIsExactBytes() {
        AttestationSubject subject = new AttestationSubject("demo-1.0.tar.gz",
                "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3");
        assertEquals("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"demo-1.0.tar.gz\","
                + "\"digest\":{\"sha256\":\"9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3\"}}],"
                + "\"predicateType\":\"https://docs.pypi.org/attestations/publish/v1\",\"predicate\":null}",
                new String(Statement.publish(subject), StandardCharsets.UTF_8));
        assertEquals("DSSEv1 28 application/vnd.in-toto+json 5 hello",
                new String(Dsse.pae("hello".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    void attestsForGitLabAndGoogleIdentities() throws Exception {
        AttestedFile gitlab = f.attester.attest(f.files(1), f.gitlab(), f.http, f.settings()).get(0);
        f.verifier.verify(gitlab.attestation(), gitlab.subject(),
                new ExpectedIdentity.GitLabPublisher("group/project", ".gitlab-ci.yml"), Optional.of(f.trustedRoot));
        AttestedFile google = f.attester.attest(List.of(f.file("other-2.0.tar.gz")), f.google(), f.http,
                f.settings()).get(0);
        f.verifier.verify(google.attestation(), google.subject(),
                ExpectedIdentity.google("publisher@octo-project.iam.gserviceaccount.com"), Optional.of(f.trustedRoot));
        AttestationException e = assertThrows(AttestationException.class, () -> f.verifier.verify(
                google.attestation(), google.subject(), ExpectedIdentity.google("someone@else.iam.gserviceaccount.com"),
                Optional.of(f.trustedRoot)));
        assertEquals(AttestationStep.IDENTITY, e.step());
    }

    @Test
    void requestsRekorEntriesConcurrentlyThroughABoundedPool() throws Exception {
        f.sigstore.rekor().holdUntilConcurrent(3, Duration.ofSeconds(10));
        List<AttestedFile> attested = f.attester.attest(f.files(9), f.github(), f.http, f.settings()
                .withConcurrency(3));
        assertEquals(9, attested.size());
        // The fake holds the first requests until three are in flight: a client one at a time would not get there.
        assertEquals(3, f.sigstore.rekor().maxConcurrentPosts());
        assertEquals(1, f.sigstore.fulcio().certificatesIssued());
    }

    @Test
    void asksForANewCertificateWhenTheCurrentOneRunsLow() throws Exception {
        f.sigstore.clock(f.clock);
        f.sigstore.rekor().afterEntry(() -> f.clock.advance(Duration.ofMinutes(4)));
        List<AttestedFile> attested = f.attester.attest(f.files(4), f.github(), f.http, f.settings()
                .withConcurrency(1));
        // entries at 0, 4 and 8 minutes fit the first certificate; at 12 minutes a second one is needed
        assertEquals(2, f.sigstore.fulcio().certificatesIssued());
        assertArrayEquals(attested.get(2).attestation().certificate(), attested.get(0).attestation().certificate());
        assertFalse(java.util.Arrays.equals(attested.get(3).attestation().certificate(),
                attested.get(0).attestation().certificate()));
        assertEquals(2, f.issuer.issuedTokens().size(), "one identity token per certificate");
    }

    @Test
    void pollsForAnInclusionProofTheLogDidNotHaveYet() throws Exception {
        f.sigstore.rekor().inclusionProofAfterReads(2);
        AttestedFile file = f.attester.attest(f.files(1), f.github(), f.http, f.settings()).get(0);
        assertTrue(file.attestation().transparencyEntries().get(0).inclusionProof().isPresent());
    }

    @Test
    void theRekorProposalCarriesTheEnvelopeAsAStringAndTheCertificateAsGoPem() throws Exception {
        AttestedFile file = f.attester.attest(f.files(1), f.github(), f.http, f.settings()).get(0);
        var body = new ObjectMapper().readTree(file.attestation().transparencyEntries().get(0).canonicalizedBody());
        String verifier = new String(java.util.Base64.getDecoder().decode(body.at("/spec/signatures/0/verifier")
                .asText()), StandardCharsets.US_ASCII);
        assertTrue(verifier.startsWith("-----BEGIN CERTIFICATE-----\n") && verifier.endsWith("-----END CERTIFICATE-----\n"));
        for (String line : verifier.split("\n")) {
            assertTrue(line.length() <= 64, line);
        }
        assertNotEquals(-1, new String(RekorClient.proposal(file.attestation().statement(), file.attestation()
                .signature(), Pem.parseCertificate(file.attestation().certificate())), StandardCharsets.UTF_8)
                .indexOf("\"envelope\":\"{\\\"payload\\\":"));
    }

    @Test
    void nothingWhenThereIsNothingToAttest() throws Exception {
        assertEquals(List.of(), f.attester.attest(List.of(), () -> {
            throw new AssertionError("no token is needed");
        }, f.http, f.settings()));
        assertEquals(0, f.sigstore.fulcio().requests());
    }

    @Test
    void refusesDuplicateFileNames() throws Exception {
        AttestationSubject one = f.file("demo-1.0.tar.gz");
        assertThrows(IllegalArgumentException.class, () -> f.attester.attest(List.of(one, one), f.github(), f.http,
                f.settings()));
    }

    @Test
    void readsTheIdentityOfTheTokenItWasGiven() throws Exception {
        String workflow = "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v2.0.0";
        AttestedFile file = f.attester.attest(f.files(1), f.github(Map.of("ref", "refs/tags/v2.0.0", "workflow_ref",
                workflow, "job_workflow_ref", workflow)), f.http, f.settings()).get(0);
        CertificateIdentity identity = CertificateIdentity.of(Pem.parseCertificate(file.attestation().certificate()));
        assertEquals(Optional.of("refs/tags/v2.0.0"), identity.sourceRepositoryRef());
        assertEquals(Optional.of("https://github.com/octo-org/octo-repo"), identity.sourceRepositoryUri());
        assertEquals(Optional.of("https://token.actions.githubusercontent.com"), identity.issuer());
        assertEquals(Optional.of("https://github.com/" + workflow), identity.buildConfigUri());
    }
}
