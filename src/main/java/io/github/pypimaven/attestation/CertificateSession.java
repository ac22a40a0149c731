package io.github.pypimaven.attestation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One Fulcio certificate at a time for a run, shared by all its signatures: renewed (new key, new identity token) when
 * less than the renewal margin of its ten-minute life is left, so every Rekor entry is integrated while the
 * certificate is valid.
 */
final class CertificateSession {

    /** A certificate with the identity the run's token says it must carry. */
    record Issued(SigningCertificate certificate, ExpectedIdentity identity) {}

    private final FulcioClient fulcio;
    private final SigstoreTokenSource tokens;
    private final CloseableHttpClient http;
    private final SigstoreSettings settings;
    private final Clock clock;
    private Issued current; // guarded by this

    CertificateSession(FulcioClient fulcio, SigstoreTokenSource tokens, CloseableHttpClient http,
            SigstoreSettings settings, Clock clock) {
        this.fulcio = fulcio;
        this.tokens = tokens;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    synchronized Issued current() throws AttestationException {
        if (current == null || current.certificate().remaining(clock.instant()).compareTo(settings.renewalMargin()) < 0) {
            current = issue();
        }
        return current;
    }

    private Issued issue() throws AttestationException {
        SigstoreIdentityToken token = tokens.fetch();
        ExpectedIdentity identity = ExpectedIdentity.fromToken(token);
        SigningCertificate certificate = fulcio.requestCertificate(settings.fulcioUrl(), token, http);
        Instant now = clock.instant();
        Duration left = certificate.remaining(now);
        if (left.compareTo(settings.renewalMargin()) < 0) {
            throw new AttestationException(AttestationStep.FULCIO, "Fulcio at " + settings.fulcioUrl() + " issued a"
                    + " certificate valid until " + certificate.notAfter() + ", which is less than "
                    + settings.renewalMargin().toSeconds() + " s from now (" + now + " on this machine). Check this"
                    + " machine's clock.");
        }
        Optional<String> mismatch;
        try {
            mismatch = identity.mismatch(CertificateIdentity.of(certificate.leaf()));
        } catch (IllegalArgumentException e) {
            mismatch = Optional.of("its identity cannot be read: " + e.getMessage());
        }
        if (mismatch.isPresent()) {
            throw new AttestationException(AttestationStep.IDENTITY, "Fulcio at " + settings.fulcioUrl() + " issued"
                    + " a certificate that does not match the identity token from " + token.source() + ": "
                    + mismatch.get() + ".");
        }
        return new Issued(certificate, identity);
    }
}
