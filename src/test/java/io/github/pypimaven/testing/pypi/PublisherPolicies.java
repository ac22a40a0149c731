package io.github.pypimaven.testing.pypi;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The publisher policies pypi-attestations builds for each Trusted Publisher kind: the certificate's issuer, source
 * repository and Build Config URI (at the certificate's own commit or ref) for GitHub and GitLab, the SAN e-mail for
 * Google. Read with Bouncy Castle, apart from the plugin's code.
 */
final class PublisherPolicies {

    private static final String SIGSTORE = "1.3.6.1.4.1.57264.1.";

    private PublisherPolicies() {}

    static void check(TrustedPublisher publisher, X509Certificate certificate) throws AttestationRules.Failed {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(certificate.getEncoded());
        } catch (Exception e) {
            throw new AttestationRules.Failed("invalid X.509 certificate");
        }
        if (publisher instanceof TrustedPublisher.GitHub g) {
            build(holder, "https://token.actions.githubusercontent.com", "https://github.com/" + g.repository(),
                    "https://github.com/" + g.repository() + "/.github/workflows/" + g.workflow() + "@",
                    g.workflow() + " @ " + g.repository());
        } else if (publisher instanceof TrustedPublisher.GitLab g) {
            build(holder, "https://gitlab.com", "https://gitlab.com/" + g.repository(), "https://gitlab.com/"
                    + g.repository() + "//" + g.workflowFilepath() + "@", g.workflowFilepath() + " @ "
                    + g.repository());
        } else if (publisher instanceof TrustedPublisher.Google g) {
            google(holder, g.email());
        } else {
            throw new AttestationRules.Failed("no attestation identity for " + publisher.kind());
        }
    }

    private static void build(X509CertificateHolder cert, String issuer, String repository, String configPrefix,
            String publisher) throws AttestationRules.Failed {
        if (!issuer.equals(extension(cert, 8))) {
            throw new AttestationRules.Failed("Certificate's OIDC issuer does not match (got '" + extension(cert, 8)
                    + "', expected '" + issuer + "')");
        }
        if (!repository.equals(extension(cert, 12))) {
            throw new AttestationRules.Failed("Certificate's source repository URI does not match (got '" + extension(cert, 12)
                    + "', expected '" + repository + "')");
        }
        String config = extension(cert, 18);
        for (Integer suffix : List.of(13, 14)) {
            String value = extension(cert, suffix);
            if (value != null && (configPrefix + value).equals(config)) {
                return;
            }
        }
        throw new AttestationRules.Failed("Certificate's Build Config URI (" + config + ") does not match expected Trusted"
                + " Publisher (" + publisher + ")");
    }

    private static void google(X509CertificateHolder cert, String email) throws AttestationRules.Failed {
        if (!"https://accounts.google.com".equals(extension(cert, 8))) {
            throw new AttestationRules.Failed("Certificate's OIDC issuer does not match (got '" + extension(cert, 8)
                    + "', expected 'https://accounts.google.com')");
        }
        Extension san = cert.getExtension(Extension.subjectAlternativeName);
        if (san != null) {
            for (GeneralName name : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
                if (name.getTagNo() == GeneralName.rfc822Name && name.getName().toString().equals(email)) {
                    return;
                }
            }
        }
        throw new AttestationRules.Failed("Certificate's SANs do not match " + email);
    }

    private static String extension(X509CertificateHolder cert, int arc) {
        Extension extension = cert.getExtension(new ASN1ObjectIdentifier(SIGSTORE + arc));
        if (extension == null) {
            return null;
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(extension.getExtnValue().getOctets());
            return value instanceof ASN1String text ? text.getString() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
