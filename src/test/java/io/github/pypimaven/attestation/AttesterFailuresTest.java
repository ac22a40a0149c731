package io.github.pypimaven.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the fakes can fail a run, and what the user is told: the step, what happened, what to do. No message
 * carries an identity token.
 */
class AttesterFailuresTest {

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

    private AttestationException failure(SigstoreTokenSource tokens, SigstoreSettings settings) throws Exception {
        AttestationException e = assertThrows(AttestationException.class,
                () -> f.attester.attest(f.files(2), tokens, f.http, settings));
        for (String token : f.issuer.issuedTokens()) {
            assertFalse(e.getMessage().contains(token), "a token in: " + e.getMessage());
        }
        return e;
    }

    private AttestationException failure() throws Exception {
        return failure(f.github(), f.settings());
    }

    @Test
    void fulcioErrorNamesTheStepAndTheAnswer() throws Exception {
        f.sigstore.fulcio().failNext(1, 503);
        AttestationException e = failure();
        assertEquals(AttestationStep.FULCIO, e.step());
        assertTrue(e.getMessage().contains("HTTP 503 (fake Fulcio: injected failure). This is usually temporary"),
                e.getMessage());
        assertEquals(0, f.sigstore.rekor().entriesAdded());
    }

    @Test
    void unreachableFulcioSaysHowToPublishWithoutAttestations() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SigstoreSettings settings = new SigstoreSettings(URI.create("http://127.0.0.1:" + closed),
                URI.create(f.sigstore.rekor().url()), Optional.empty());
        AttestationException e = failure(f.github(), settings);
        assertEquals(AttestationStep.FULCIO, e.step());
        assertTrue(e.getMessage().contains("could not be reached") && e.getMessage().contains("set attestations to"
                + " false"), e.getMessage());
    }

    @Test
    void anExpiredTokenIsCaughtBeforeFulcio() throws Exception {
        AttestationException e = failure(f.github(Map.of("exp", java.time.Instant.now().minusSeconds(5))),
                f.settings());
        assertEquals(AttestationStep.IDENTITY_TOKEN, e.step());
        assertTrue(e.getMessage().contains("expired at"), e.getMessage());
        assertEquals(0, f.sigstore.fulcio().requests());
    }

    @Test
    void aTokenForAnotherAudienceIsCaughtBeforeFulcio() throws Exception {
        AttestationException e = failure(() -> new SigstoreIdentityToken(f.issuer.gitlabToken("pypi", Map.of()),
                "GitLab CI/CD (SIGSTORE_ID_TOKEN)"), f.settings());
        assertEquals(AttestationStep.IDENTITY_TOKEN, e.step());
        assertTrue(e.getMessage().contains("audience pypi, but Fulcio needs 'sigstore'")
                && e.getMessage().contains("SIGSTORE_ID_TOKEN: { aud: sigstore }"), e.getMessage());
        assertEquals(0, f.sigstore.fulcio().requests());
    }

    @Test
    void fulcioRefusingTheTokenIsExplained() throws Exception {
        AttestationException e = failure(() -> new SigstoreIdentityToken(f.issuer.githubToken("sigstore", Map.of())
                .replaceAll("\\.[^.]+$", ".c2lnbmF0dXJl"), "GitHub Actions"), f.settings());
        assertEquals(AttestationStep.FULCIO, e.step());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("id-token: write"), e.getMessage());
    }

    @Test
    void theTokenSourcesOwnFailureComesThrough() throws Exception {
        AttestationException e = failure(() -> {
            throw new AttestationException(AttestationStep.IDENTITY_TOKEN, "no id-token: write");
        }, f.settings());
        assertEquals("no id-token: write", e.getMessage());
    }

    @Test
    void aReusableWorkflowIsRefusedBeforeAnythingIsSent() throws Exception {
        AttestationException e = failure(f.github(Map.of("job_workflow_ref",
                "octo-org/shared/.github/workflows/publish.yml@refs/heads/main")), f.settings());
        assertEquals(AttestationStep.IDENTITY, e.step());
        assertTrue(e.getMessage().contains("reusable workflows"), e.getMessage());
        assertEquals(0, f.sigstore.fulcio().requests());
    }

    @Test
    void aDetachedSctIsRefused() throws Exception {
        f.sigstore.fulcio().detachedSct(true);
        AttestationException e = failure();
        assertEquals(AttestationStep.FULCIO, e.step());
        assertTrue(e.getMessage().contains("detached SCT"), e.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefusedWhenIssued() throws Exception {
        f.sigstore.fulcio().expiredCertificates(true);
        AttestationException e = failure();
        assertEquals(AttestationStep.FULCIO, e.step());
        assertTrue(e.getMessage().contains("Check this machine's clock"), e.getMessage());
        assertEquals(0, f.sigstore.rekor().entriesAdded());
    }

    @Test
    void rekorErrorNamesTheStep() throws Exception {
        f.sigstore.rekor().failNext(1, 500);
        AttestationException e = failure();
        assertEquals(AttestationStep.REKOR, e.step());
        assertTrue(e.getMessage().contains("HTTP 500 (fake Rekor: injected failure)"), e.getMessage());
    }

    @Test
    void aMissingInclusionProofFailsAfterPolling() throws Exception {
        f.sigstore.rekor().inclusionProofAfterReads(-1);
        AttestationException e = failure();
        assertEquals(AttestationStep.REKOR, e.step());
        assertTrue(e.getMessage().contains("still has no inclusion proof after 6 requests"), e.getMessage());
    }

    @Test
    void aBadSetIsCaughtWithTheTrustedRoot() throws Exception {
        f.sigstore.rekor().badSet(true);
        assertEquals(AttestationStep.SET, failure().step());
        // without a trusted root there is no key to check the SET with
        assertEquals(2, f.attester.attest(f.files(2), f.github(), f.http, new SigstoreSettings(
                f.settings().fulcioUrl(), f.settings().rekorUrl(), Optional.empty())).size());
    }

    @Test
    void anIntegratedTimeOutsideTheCertificateIsCaught() throws Exception {
        f.sigstore.rekor().integratedTimeSkew(Duration.ofMinutes(30));
        AttestationException e = failure();
        assertEquals(AttestationStep.SIGNING_TIME, e.step());
        assertTrue(e.getMessage().contains("outside the certificate's validity"), e.getMessage());
    }

    @Test
    void aRewrappedCertificateInTheEntryIsCaught() throws Exception {
        f.sigstore.rekor().rewrapVerifier(true);
        assertEquals(AttestationStep.LOG_ENTRY, failure().step());
    }

    @Test
    void anAnswerPastTheSizeCapIsRefused() throws Exception {
        try (var big = new BigAnswerServer(SigstoreHttp.MAX_BODY + 1)) {
            SigstoreSettings settings = new SigstoreSettings(URI.create(big.url()), URI.create(f.sigstore.rekor().url()),
                    Optional.empty());
            AttestationException e = failure(f.github(), settings);
            assertEquals(AttestationStep.FULCIO, e.step());
            assertTrue(e.getMessage().contains("larger than 1024 KiB"), e.getMessage());
        }
    }

    /** Answers every request with {@code size} bytes of JSON-ish filler. */
    static final class BigAnswerServer implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        BigAnswerServer(int size) throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                    java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(200, size);
                    byte[] chunk = new byte[8192];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    for (int left = size; left > 0; left -= chunk.length) {
                        exchange.getResponseBody().write(chunk, 0, Math.min(left, chunk.length));
                    }
                } catch (java.io.IOException closedEarly) {
                    // the client stopped reading at its cap
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
