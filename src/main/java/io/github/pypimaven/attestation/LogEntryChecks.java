package io.github.pypimaven.attestation;

import static io.github.pypimaven.attestation.AttestationException.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The checks of a Rekor entry that need no trusted key: its body records exactly this statement, signature and
 * certificate; it was integrated while the certificate was valid; its inclusion proof leads to the root its checkpoint
 * names.
 */
final class LogEntryChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogEntryChecks() {}

    static void check(TransparencyEntry entry, Attestation attestation, X509Certificate certificate, String file)
            throws AttestationException {
        checkBody(entry, attestation, certificate, file);
        checkSigningTime(entry, certificate, file);
        checkInclusion(entry, file);
    }

    private static void checkBody(TransparencyEntry entry, Attestation attestation, X509Certificate certificate,
            String file) throws AttestationException {
        if (!entry.kind().equals("dsse") || !entry.version().equals("0.0.1")) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry is of kind " + entry.kind() + " "
                    + entry.version() + "; PyPI accepts dsse 0.0.1 entries from Rekor v1");
        }
        JsonNode body;
        try {
            body = JSON.readTree(entry.canonicalizedBody());
        } catch (IOException e) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry body is not JSON");
        }
        if (body == null || !"dsse".equals(body.path("kind").asText()) || !"0.0.1".equals(body.path("apiVersion")
                .asText())) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry body is not a dsse 0.0.1 entry, though"
                    + " the entry says it is");
        }
        JsonNode spec = body.path("spec");
        JsonNode payloadHash = spec.path("payloadHash");
        if (!"sha256".equals(payloadHash.path("algorithm").asText())
                || !HexFormat.of().formatHex(sha256(attestation.statement())).equals(payloadHash.path("value").asText())) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry records another statement (its payload"
                    + " hash differs)");
        }
        JsonNode signatures = spec.path("signatures");
        if (!signatures.isArray() || signatures.size() != 1) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry must record exactly one signature");
        }
        if (!Base64.getEncoder().encodeToString(attestation.signature()).equals(signatures.get(0).path("signature")
                .asText())) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry records another signature");
        }
        String verifier = Base64.getEncoder().encodeToString(Pem.certificate(certificate)
                .getBytes(StandardCharsets.US_ASCII));
        if (!verifier.equals(signatures.get(0).path("verifier").asText())) {
            throw verification(AttestationStep.LOG_ENTRY, file, "the log entry's verifier is not this certificate's"
                    + " PEM (64-character lines, \\n line ends), which PyPI compares byte for byte");
        }
    }

    private static void checkSigningTime(TransparencyEntry entry, X509Certificate certificate, String file)
            throws AttestationException {
        Instant integrated = Instant.ofEpochSecond(entry.integratedTime());
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (integrated.isBefore(notBefore) || integrated.isAfter(notAfter)) {
            throw verification(AttestationStep.SIGNING_TIME, file, "the log integrated the entry at " + integrated
                    + ", outside the certificate's validity (" + notBefore + " to " + notAfter + ")");
        }
    }

    private static void checkInclusion(TransparencyEntry entry, String file) throws AttestationException {
        TransparencyEntry.InclusionProof proof = entry.inclusionProof().orElseThrow(() -> verification(
                AttestationStep.INCLUSION_PROOF, file, "the log entry has no inclusion proof, which PyPI requires"));
        byte[] root;
        try {
            root = MerkleInclusion.root(proof.logIndex(), proof.treeSize(),
                    MerkleInclusion.leafHash(entry.canonicalizedBody()), proof.hashes());
        } catch (IllegalArgumentException e) {
            throw verification(AttestationStep.INCLUSION_PROOF, file, e.getMessage());
        }
        if (!Arrays.equals(root, proof.rootHash())) {
            throw verification(AttestationStep.INCLUSION_PROOF, file, "the inclusion proof does not lead from the"
                    + " entry to the root hash it names");
        }
        SignedCheckpoint checkpoint;
        try {
            checkpoint = SignedCheckpoint.parse(proof.checkpoint());
        } catch (IllegalArgumentException e) {
            throw verification(AttestationStep.CHECKPOINT, file, e.getMessage());
        }
        if (!Arrays.equals(checkpoint.rootHash(), proof.rootHash()) || checkpoint.size() != proof.treeSize()) {
            throw verification(AttestationStep.CHECKPOINT, file, "the checkpoint is for another tree than the"
                    + " inclusion proof (size " + checkpoint.size() + " against " + proof.treeSize() + ")");
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
