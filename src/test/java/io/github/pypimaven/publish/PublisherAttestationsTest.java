package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.testing.TestAttestations;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import io.github.pypimaven.testing.oidc.FakeTrustedPublishing;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.UploadRequest;
import io.github.pypimaven.testing.sigstore.FakeSigstore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing with attestations, end to end against real servers on loopback: a GitHub-shaped Trusted Publishing job,
 * the fake Fulcio and Rekor, and the fake PyPI, which checks the {@code attestations} field as Warehouse does (and
 * refuses it on token uploads). Every failure leaves the index without a single new file.
 */
class PublisherAttestationsTest {

    private static final String TOKEN = "pypi-attestations-test-token-0123";

    @TempDir
    Path dir;

    FakePyPI pypi;
    FakeOidcIssuer issuer;
    FakeTrustedPublishing trust;
    FakeSigstore sigstore;
    Path trustedRoot;
    Path summary;
    final Map<String, String> env = new HashMap<>();
    final ByteArrayOutputStream ciBytes = new ByteArrayOutputStream();
    final PrintStream ci = new PrintStream(ciBytes, true, StandardCharsets.UTF_8);
    final Publisher publisher = TestServices.publisher();

    @BeforeEach
    void start() throws Exception {
        pypi = FakePyPI.start(0).acceptToken(TOKEN);
        issuer = FakeOidcIssuer.start(0);
        trust = FakeTrustedPublishing.forIndex(issuer.jwkSet(), pypi).defaultGithubPublisher();
        pypi.handle("/_/oidc/", trust);
        sigstore = FakeSigstore.start(issuer.jwkSet());
        trustedRoot = sigstore.writeTrustedRoot(dir.resolve("trusted_root.json"));
        summary = dir.resolve("summary.md");
        env.put("GITHUB_ACTIONS", "true");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", issuer.githubTokenRequestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", issuer.githubRequestToken());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
    }

    @AfterEach
    void stop() {
        sigstore.close();
        issuer.close();
        pypi.close();
    }

    List<Path> release(String version) {
        Path out = dir.resolve("dist-" + version);
        return List.of(TestDistributions.sdist("demo-pkg", version).writeTo(out),
                TestDistributions.wheel("demo-pkg", version).writeTo(out));
    }

    AttestationSettings attestations(AttestationMode mode) {
        return new AttestationSettings(mode, SecureUrl.parse(sigstore.fulcio().url(), "fulcio", ""),
                SecureUrl.parse(sigstore.rekor().url(), "rekor", ""), Optional.of(trustedRoot));
    }

    /** Trusted Publishing on GitHub Actions to the fake index, with PyPI's audience, as the ITs do. */
    PublishRequest.Builder trusted(List<Path> files, AttestationMode mode) {
        return PublishRequest.builder(files, TestTargets.remote(pypi.uploadUrl()), new CredentialRequest(
                TrustedPublishingMode.ALWAYS, Optional.empty(), "UNSET", new Environment(env), Optional.of("pypi")))
                .attestations(attestations(mode));
    }

    PublishException failure(PublishRequest request) {
        return assertThrows(PublishException.class, () -> publisher.publish(request, ci));
    }

    String ciOutput() {
        return ciBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyFileIsUploadedWithAVerifiedAttestationThatIsAlsoSavedNextToIt() throws Exception {
        List<Path> files = release("1.0.0");

        List<PublishedFile> published = publisher.publish(trusted(files, AttestationMode.TRUE).build(), ci);

        List<UploadRequest> uploads = pypi.uploadRequests();
        assertEquals(List.of(200, 200), uploads.stream().map(UploadRequest::status).toList());
        for (UploadRequest upload : uploads) {
            Path file = files.stream().filter(f -> f.getFileName().toString().equals(upload.contentFilename()))
                    .findFirst().orElseThrow();
            String saved = Files.readString(file.resolveSibling(file.getFileName() + ".publish.attestation"));
            assertEquals("[" + saved + "]", upload.value("attestations"), "the saved attestation is the uploaded one");
        }
        assertEquals(1, sigstore.fulcio().certificatesIssued(), "one certificate for the run");
        assertEquals(2, sigstore.rekor().entriesAdded());
        assertEquals(2, issuer.githubTokenRequests(), "one identity token for PyPI, one for Sigstore");
        for (PublishedFile file : published) {
            assertEquals(1, file.attestations().size(), file.toString());
            assertTrue(file.attestations().get(0).url().toString().startsWith(sigstore.rekor().url()
                    + "/api/v1/log/entries?logIndex="), file.attestations().toString());
        }
        for (String token : issuer.issuedTokens()) {
            assertTrue(ciOutput().contains("::add-mask::" + token + "\n"), "every identity token is masked first");
        }
        String markdown = Files.readString(summary);
        assertTrue(markdown.contains("| Attestation |") && markdown.contains("[Rekor log index "), markdown);
    }

    @Test
    void existingAttestationFilesAreUploadedInsteadOfNewOnes() throws Exception {
        List<Path> files = release("1.0.0");
        List<Path> existing = TestAttestations.writePublishAttestations(files, issuer, sigstore);
        int certificates = sigstore.fulcio().certificatesIssued();
        int entries = sigstore.rekor().entriesAdded();

        publisher.publish(trusted(files, AttestationMode.TRUE).build(), ci);

        assertEquals(certificates, sigstore.fulcio().certificatesIssued(), "no new certificate");
        assertEquals(entries, sigstore.rekor().entriesAdded(), "no new log entry");
        assertEquals(1, issuer.githubTokenRequests(), "no identity token for Sigstore was asked for");
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            UploadRequest upload = pypi.uploadRequests().stream().filter(u -> u.contentFilename().equals(name))
                    .findFirst().orElseThrow();
            assertEquals("[" + Files.readString(existing.get(i)) + "]", upload.value("attestations"));
            assertEquals(200, upload.status());
        }
    }

    @Test
    void anAttestationOfOtherBytesStopsTheReleaseBeforeSigstoreAndTheIndex() throws Exception {
        List<Path> files = release("1.0.0");
        TestAttestations.writePublishAttestations(files, issuer, sigstore);
        Path sdist = files.get(0);
        TestDistributions.sdist("demo-pkg", "1.0.0").module("demo_pkg/extra.py", "X = 2\n").writeTo(sdist.getParent());
        int entries = sigstore.rekor().entriesAdded();

        PublishException e = failure(trusted(files, AttestationMode.TRUE).build());

        assertEquals(PublishException.Stage.ATTESTATION, e.stage());
        String message = e.getMessage();
        assertTrue(message.startsWith("Attestations (PEP 740) failed at the step 'statement subject': The attestation"
                + " of demo_pkg-1.0.0.tar.gz fails the statement subject check: the statement's sha256 is"), message);
        assertTrue(message.contains("Checked: demo_pkg-1.0.0.tar.gz.publish.attestation (an existing"), message);
        assertTrue(message.contains("Delete a stale or foreign one"), message);
        assertTrue(message.contains("\nNothing was uploaded. Attestations are on because attestations"
                + " (pypi.attestations) is true and the upload uses Trusted Publishing; set attestations"
                + " (pypi.attestations) to false to publish without them."), message);
        assertEquals(0, pypi.uploadRequests().size());
        assertEquals(entries, sigstore.rekor().entriesAdded());
        assertTrue(ciOutput().contains("::error title=Attestations failed%3A nothing was published to 127.0.0.1%3A"),
                ciOutput());
    }

    @Test
    void twoAttestationsOfOnePredicateTypeForAFileAreAnError() throws Exception {
        List<Path> files = release("1.0.0");
        List<Path> existing = TestAttestations.writePublishAttestations(files, issuer, sigstore);
        Files.copy(existing.get(1), existing.get(1).resolveSibling(files.get(1).getFileName() + ".copy.attestation"));

        String message = failure(trusted(files, AttestationMode.TRUE).build()).getMessage();

        assertTrue(message.contains("it has two attestations of the predicate type"
                + " https://docs.pypi.org/attestations/publish/v1"), message);
        assertTrue(message.contains(".whl.copy.attestation, demo_pkg-1.0.0-py3-none-any.whl.publish.attestation"),
                message);
        assertEquals(0, pypi.uploadRequests().size());
    }

    @Test
    void anAttestationOfAnotherRepositoryIsRefusedAsPyPIWouldRefuseIt() throws Exception {
        List<Path> files = release("1.0.0");
        TestAttestations.writePublishAttestations(files, issuer, sigstore, Map.of("repository", "mallory/fork",
                "workflow_ref", "mallory/fork/.github/workflows/release.yml@refs/tags/v1.0.0",
                "job_workflow_ref", "mallory/fork/.github/workflows/release.yml@refs/tags/v1.0.0"));

        PublishException e = failure(trusted(files, AttestationMode.TRUE).build());

        assertTrue(e.getMessage().contains("'certificate identity'"), e.getMessage());
        assertTrue(e.getMessage().contains("https://github.com/mallory/fork"), e.getMessage());
        assertEquals(0, pypi.uploadRequests().size());
    }

    @Test
    void aRekorFailureUploadsNothingAndSaysHowToPublishWithoutAttestations() {
        sigstore.rekor().failNext(10, 503);

        PublishException e = failure(trusted(release("1.0.0"), AttestationMode.TRUE).build());

        assertEquals(PublishException.Stage.ATTESTATION, e.stage());
        assertTrue(e.getMessage().startsWith("Attestations (PEP 740) failed at the step 'transparency log entry from"
                + " Rekor': Could not record the signature in Rekor at " + sigstore.rekor().url()), e.getMessage());
        assertTrue(e.getMessage().contains("set attestations (pypi.attestations) to false"), e.getMessage());
        assertEquals(0, pypi.uploadRequests().size());
        assertTrue(Files.notExists(dir.resolve("dist-1.0.0/demo_pkg-1.0.0.tar.gz.publish.attestation")));
    }

    @Test
    void aRefusedIdentityTokenPointsAtTheJobsPermission() {
        sigstore.fulcio().failNext(1, 403);

        PublishException e = failure(trusted(release("1.0.0"), AttestationMode.TRUE).build());

        assertTrue(e.getMessage().contains("'signing certificate from Fulcio'"), e.getMessage());
        assertTrue(e.getMessage().contains("'permissions: id-token: write'"), e.getMessage());
        assertEquals(0, pypi.uploadRequests().size());
        for (String token : issuer.issuedTokens()) {
            assertFalse(e.getMessage().contains(token));
        }
    }

    @Test
    void tokenUploadsCarryNoAttestationsEvenWhenAskedFor() throws Exception {
        List<Path> files = release("1.0.0");
        TestAttestations.writePublishAttestations(files, issuer, sigstore);
        int certificates = sigstore.fulcio().certificatesIssued();

        publisher.publish(TestServices.withToken(files, TestTargets.remote(pypi.uploadUrl()), TOKEN)
                .attestations(attestations(AttestationMode.TRUE)).build(), ci);

        assertEquals(List.of(200, 200), pypi.uploadRequests().stream().map(UploadRequest::status).toList(),
                "the fake PyPI refuses attestations on token uploads");
        pypi.uploadRequests().forEach(u -> assertNull(u.value("attestations")));
        assertEquals(certificates, sigstore.fulcio().certificatesIssued());
    }

    @Test
    void autoIsOffForAnIndexOtherThanPyPIAndFalseIsOffEverywhere() throws Exception {
        publisher.publish(trusted(release("1.0.0"), AttestationMode.AUTO).build(), ci);
        publisher.publish(trusted(release("1.0.1"), AttestationMode.FALSE).build(), ci);

        assertEquals(4, pypi.uploadRequests().size());
        pypi.uploadRequests().forEach(u -> assertNull(u.value("attestations"), u.toString()));
        assertEquals(0, sigstore.fulcio().requests());
    }

    @Test
    void aDryRunMakesNoAttestationButReadsTheTrustedRoot() throws Exception {
        publisher.publish(trusted(release("1.0.0"), AttestationMode.TRUE).dryRun(true).build(), ci);
        assertEquals(0, sigstore.fulcio().requests());
        assertEquals(0, issuer.githubTokenRequests());

        Files.writeString(trustedRoot, "{}");
        PublishException e = failure(trusted(release("1.0.0"), AttestationMode.TRUE).dryRun(true).build());
        assertEquals(PublishException.Stage.ATTESTATION, e.stage());
        assertTrue(e.getMessage().contains(trustedRoot.toString()), e.getMessage());
    }

    @Test
    void inAReactorOneReleasesFailedAttestationMeansNoReleaseIsUploaded() throws Exception {
        List<Path> good = release("1.0.0");
        Path other = dir.resolve("other");
        List<Path> bad = List.of(TestDistributions.wheel("other-pkg", "2.0.0").writeTo(other));
        TestAttestations.writePublishAttestations(bad, issuer, sigstore);
        TestDistributions.wheel("other-pkg", "2.0.0").module("other_pkg/x.py", "X = 1\n").writeTo(other);

        PublishException e = assertThrows(PublishException.class, () -> publisher.publishAll(List.of(
                trusted(good, AttestationMode.TRUE).build(), trusted(bad, AttestationMode.TRUE).build()), ci));

        assertTrue(e.getMessage().contains("other_pkg-2.0.0-py3-none-any.whl"), e.getMessage());
        assertEquals(0, pypi.uploadRequests().size(), "the first release was attested, then nothing was uploaded");
        assertTrue(Files.exists(good.get(0).resolveSibling(good.get(0).getFileName() + ".publish.attestation")));
    }

    @Test
    void filesAlreadyOnTheIndexNeedNoAttestation() throws Exception {
        List<Path> files = release("1.0.0");
        publisher.publish(trusted(files, AttestationMode.FALSE).build(), ci);
        int tokenRequests = issuer.githubTokenRequests();

        publisher.publish(trusted(files, AttestationMode.TRUE)
                .checkUrl(Optional.of(new SecureUrl(URI.create(pypi.baseUrl() + "/simple/")))).build(), ci);

        assertEquals(2, pypi.uploadRequests().size(), "nothing sent again");
        assertEquals(0, sigstore.fulcio().requests());
        assertEquals(tokenRequests, issuer.githubTokenRequests(), "no token at all");
        assertFalse(Files.exists(files.get(0).resolveSibling(files.get(0).getFileName() + ".publish.attestation")));
    }
}
