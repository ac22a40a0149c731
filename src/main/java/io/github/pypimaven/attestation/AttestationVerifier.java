package io.github.pypimaven.attestation;

import static io.github.pypimaven.attestation.AttestationException.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Checks a PEP 740 attestation as PyPI will, before anything is uploaded: the statement and its subject against the
 * file, the certificate (P-256 key, code-signing usage), the DSSE signature with the certificate's key, the
 * certificate's identity, and the Rekor entry (its body against what was signed, the signing time, the inclusion
 * proof and its checkpoint). With a Sigstore trusted root it also checks what needs trusted keys: the certificate
 * chain at signing time, the embedded SCT, the SET and the checkpoint's signature. Every failure names its step.
 */
@Named
@Singleton
public class AttestationVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PREDICATE_TYPES =
            Set.of(Statement.PUBLISH_PREDICATE, Statement.SLSA_PROVENANCE_PREDICATE);
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";

    /** Returns the statement's predicate type. */
    public String verify(Attestation attestation, AttestationSubject subject, ExpectedIdentity identity,
            Optional<TrustedRoot> trustedRoot) throws AttestationException {
        String file = subject.fileName();
        String predicateType = checkStatement(attestation.statement(), subject);
        X509Certificate certificate = certificate(attestation.certificate(), file);
        checkSignature(attestation, certificate, file);
        checkIdentity(certificate, identity, file);
        TransparencyEntry entry = attestation.transparencyEntries().get(0);
        LogEntryChecks.check(entry, attestation, certificate, file);
        if (trustedRoot.isPresent()) {
            TrustedRootChecks.check(entry, certificate, trustedRoot.get(), file);
        }
        return predicateType;
    }

    /**
     * Verifies the attestations that go with one file (e.g. {@code <file>.*.attestation} files another tool made): each
     * one, and at most one per predicate type, as PyPI accepts them.
     */
    public void verifyAll(List<Attestation> attestations, AttestationSubject subject, ExpectedIdentity identity,
            Optional<TrustedRoot> trustedRoot) throws AttestationException {
        Set<String> seen = new java.util.HashSet<>();
        for (Attestation attestation : attestations) {
            String predicateType = verify(attestation, subject, identity, trustedRoot);
            if (!seen.add(predicateType)) {
                throw verification(AttestationStep.STATEMENT, subject.fileName(), "it has two attestations of the"
                        + " predicate type " + predicateType + ", and PyPI accepts one of each type; keep one");
            }
        }
    }

    private static String checkStatement(byte[] statement, AttestationSubject subject) throws AttestationException {
        String file = subject.fileName();
        JsonNode root;
        try {
            root = JSON.readTree(statement);
        } catch (IOException e) {
            throw verification(AttestationStep.STATEMENT, file, "the signed statement is not JSON");
        }
        if (root == null || !root.isObject() || !Statement.TYPE.equals(root.path("_type").asText(null))) {
            throw verification(AttestationStep.STATEMENT, file, "the signed statement is not an in-toto Statement v1");
        }
        String predicateType = root.path("predicateType").asText("");
        if (!PREDICATE_TYPES.contains(predicateType)) {
            throw verification(AttestationStep.STATEMENT, file, "the predicate type '" + predicateType
                    + "' is not one PyPI accepts (" + String.join(", ", PREDICATE_TYPES.stream().sorted().toList())
                    + ")");
        }
        JsonNode predicate = root.get("predicate");
        if (predicateType.equals(Statement.PUBLISH_PREDICATE) && predicate != null && !predicate.isNull()
                && !(predicate.isObject() && predicate.isEmpty())) {
            throw verification(AttestationStep.STATEMENT, file, "a publish attestation's predicate must be null or {}");
        }
        JsonNode subjects = root.path("subject");
        if (!subjects.isArray() || subjects.size() != 1) {
            throw verification(AttestationStep.SUBJECT, file, "the statement must name exactly one subject, it names "
                    + (subjects.isArray() ? subjects.size() : 0));
        }
        String name = subjects.get(0).path("name").asText("");
        if (!name.equals(file)) {
            throw verification(AttestationStep.SUBJECT, file, "the statement is about '" + name + "', not this file");
        }
        String digest = subjects.get(0).path("digest").path("sha256").asText("");
        if (!digest.equals(subject.sha256())) {
            throw verification(AttestationStep.SUBJECT, file, "the statement's sha256 is '" + digest
                    + "', but the file's is " + subject.sha256() + " (PyPI compares lower-case hex exactly)");
        }
        return predicateType;
    }

    private static X509Certificate certificate(byte[] der, String file) throws AttestationException {
        X509Certificate certificate;
        try {
            certificate = Pem.parseCertificate(der);
        } catch (CertificateException e) {
            throw verification(AttestationStep.CERTIFICATE, file, "the certificate is not a DER X.509 certificate");
        }
        if (!(certificate.getPublicKey() instanceof ECPublicKey key)
                || key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw verification(AttestationStep.CERTIFICATE, file, "the certificate's key is not ECDSA P-256, the only"
                    + " key PEP 740 allows");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !usage[0]) {
            throw verification(AttestationStep.CERTIFICATE, file, "the certificate's key usage lacks digitalSignature");
        }
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            if (extended == null || !extended.contains(CODE_SIGNING)) {
                throw verification(AttestationStep.CERTIFICATE, file, "the certificate's extended key usage lacks"
                        + " codeSigning");
            }
        } catch (CertificateParsingException e) {
            throw verification(AttestationStep.CERTIFICATE, file, "the certificate's extended key usage is malformed");
        }
        return certificate;
    }

    private static void checkSignature(Attestation attestation, X509Certificate certificate, String file)
            throws AttestationException {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(Dsse.pae(attestation.statement()));
            if (verifier.verify(attestation.signature())) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a malformed signature: reported below
        }
        throw verification(AttestationStep.SIGNATURE, file, "the signature does not verify over the statement with"
                + " the certificate's key");
    }

    private static void checkIdentity(X509Certificate certificate, ExpectedIdentity identity, String file)
            throws AttestationException {
        Optional<String> mismatch;
        try {
            mismatch = identity.mismatch(CertificateIdentity.of(certificate));
        } catch (IllegalArgumentException e) {
            throw verification(AttestationStep.IDENTITY, file, "the certificate's identity cannot be read: "
                    + e.getMessage());
        }
        if (mismatch.isPresent()) {
            throw verification(AttestationStep.IDENTITY, file, mismatch.get());
        }
    }
}
