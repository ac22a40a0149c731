package io.github.pypimaven.attestation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM as Go and OpenSSL write it: 64-character base64 lines, {@code \n} line ends, a final newline. Rekor stores
 * the certificate in exactly this form and verifiers compare it byte for byte, so it is produced in one place.
 */
final class Pem {

    private Pem() {}

    static String encode(String label, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END ").append(label).append("-----\n").toString();
    }

    static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("A parsed certificate could not be re-encoded", e);
        }
    }

    static String publicKey(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    static X509Certificate parseCertificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** Every certificate in a PEM text, in order; at least one. */
    static List<X509Certificate> parseCertificates(String pem) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) c);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in the PEM text");
        }
        return certificates;
    }
}
