package io.github.pypimaven.attestation;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who a Fulcio certificate was issued to: its subject alternative names and the Sigstore OID extensions
 * ({@code 1.3.6.1.4.1.57264.1.*}) a publisher policy reads.
 *
 * @param issuer                 the OIDC issuer (.1.8, or the deprecated .1.1 in older certificates)
 * @param sourceRepositoryUri    .1.12, e.g. {@code https://github.com/octo-org/octo-repo}
 * @param sourceRepositoryDigest .1.13, the commit
 * @param sourceRepositoryRef    .1.14, e.g. {@code refs/tags/v1.0.0}
 * @param buildConfigUri         .1.18, the workflow that was triggered, at a ref
 */
public record CertificateIdentity(Optional<String> issuer, List<String> uris, List<String> emails,
        Optional<String> sourceRepositoryUri, Optional<String> sourceRepositoryDigest,
        Optional<String> sourceRepositoryRef, Optional<String> buildConfigUri) {

    static final String FULCIO_OID = "1.3.6.1.4.1.57264.1.";

    public CertificateIdentity {
        uris = List.copyOf(uris);
        emails = List.copyOf(emails);
    }

    /** @throws IllegalArgumentException when an extension is not encoded as Fulcio encodes it */
    public static CertificateIdentity of(X509Certificate certificate) {
        List<String> uris = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    int type = (Integer) name.get(0);
                    if (type == 6) {
                        uris.add(String.valueOf(name.get(1)));
                    } else if (type == 1) {
                        emails.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("its subject alternative names cannot be read");
        }
        Optional<String> issuer = utf8(certificate, 8).or(() -> raw(certificate, 1));
        return new CertificateIdentity(issuer, uris, emails, utf8(certificate, 12), utf8(certificate, 13),
                utf8(certificate, 14), utf8(certificate, 18));
    }

    /** The extensions from .8 on hold a DER UTF8String. */
    private static Optional<String> utf8(X509Certificate certificate, int arc) {
        byte[] value = certificate.getExtensionValue(FULCIO_OID + arc);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Der.utf8String(Der.octetString(value)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its extension " + FULCIO_OID + arc + " is not a DER UTF8String");
        }
    }

    /** The deprecated extensions .1 to .6 hold the raw text. */
    private static Optional<String> raw(X509Certificate certificate, int arc) {
        byte[] value = certificate.getExtensionValue(FULCIO_OID + arc);
        return value == null ? Optional.empty()
                : Optional.of(new String(Der.octetString(value), StandardCharsets.UTF_8));
    }
}
