package io.github.pypimaven.attestation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A Fulcio certificate for an ephemeral key, with the key that signs under it.
 *
 * @param leaf  the certificate; its PEM goes into the Rekor entry and its DER into the attestation
 * @param chain the issuing certificates Fulcio sent after the leaf (intermediate first); informational only, trust
 *              comes from the trusted root
 * @param key   the private key the certificate certifies
 */
public record SigningCertificate(X509Certificate leaf, List<X509Certificate> chain, EphemeralKey key) {

    public SigningCertificate {
        chain = List.copyOf(chain);
    }

    public Instant notAfter() {
        return leaf.getNotAfter().toInstant();
    }

    /** How long the certificate stays valid from {@code now}; negative when it has expired. */
    public Duration remaining(Instant now) {
        return Duration.between(now, notAfter());
    }

    @Override
    public String toString() {
        return "SigningCertificate[serial=" + leaf.getSerialNumber().toString(16) + ", notAfter=" + notAfter() + "]";
    }
}
