package io.github.pypimaven.testing.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Warehouse's checks on an upload's {@code attestations} field ({@code warehouse/attestations/services.py} with
 * pypi-attestations' {@code Attestation.verify}), with its messages, written apart from the plugin's verifier: only
 * with Trusted Publishing, only for publishers with an attestation identity, a JSON list of 1 or 2 attestation
 * objects, each with a valid DSSE signature over a statement about exactly this file (name and lower-case sha256), a
 * known predicate type, a certificate issued to the publisher, a log entry recording this statement, signature and
 * certificate; and one attestation per predicate type.
 *
 * <p>Deliberate differences from PyPI: the Sigstore trust material itself (certificate chain, SCT, SET, inclusion
 * proof) is not checked, as PyPI checks it against production Sigstore, which tests cannot reach; subject names are
 * compared as written, where PyPI first normalizes both; the "Malformed attestations" detail names the first problem
 * the way pydantic reports one, not pydantic's full text.
 */
final class AttestationRules {

    static final String PREFIX = "Invalid attestations supplied during upload: ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PREDICATE_TYPES = Set.of("https://docs.pypi.org/attestations/publish/v1",
            "https://slsa.dev/provenance/v1");

    private AttestationRules() {}

    /** The refusal for {@code field} (the form value, null when absent), or null when it passes. */
    static UploadRejected problem(String field, TrustedPublisher publisher, String filename, String sha256) {
        if (field == null) {
            return null;
        }
        try {
            check(field, publisher, filename, sha256);
            return null;
        } catch (Refusal r) {
            return UploadRejected.badRequest(PREFIX + r.getMessage());
        }
    }

    private static void check(String field, TrustedPublisher publisher, String filename, String sha256)
            throws Refusal {
        if (publisher == null) {
            throw new Refusal("Attestations are only supported when using Trusted Publishing");
        }
        if (publisher instanceof TrustedPublisher.Other) {
            throw new Refusal("Attestations are not currently supported with " + publisher.kind() + " publishers");
        }
        JsonNode attestations = parse(field);
        if (attestations.isEmpty()) {
            throw new Refusal("Malformed attestations: an empty attestation set is not permitted");
        }
        if (attestations.size() > 2) {
            throw new Refusal("A maximum of 2 attestations per file are supported");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode attestation : attestations) {
            String predicateType;
            try {
                predicateType = verify(attestation, publisher, filename, sha256);
            } catch (Failed e) {
                throw new Refusal("Could not verify the uploaded artifact using the included attestation: "
                        + "Verification failed: " + e.getMessage());
            }
            if (!seen.add(predicateType)) {
                throw new Refusal("Multiple attestations for the same file with the same predicate type ("
                        + predicateType + ") are not supported");
            }
        }
    }

    /** pydantic's {@code list[Attestation]}: each object needs version 1 and the base64 fields. */
    private static JsonNode parse(String field) throws Refusal {
        JsonNode list;
        try {
            list = JSON.readTree(field);
        } catch (IOException e) {
            throw malformed("", "Invalid JSON", "json_invalid");
        }
        if (list == null || !list.isArray()) {
            throw malformed("", "Input should be a valid list", "list_type");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            if (!a.path("version").isInt() || a.path("version").asInt() != 1) {
                throw malformed(i + ".version", "Input should be 1", "literal_error");
            }
            for (String path : List.of("verification_material.certificate", "envelope.statement",
                    "envelope.signature")) {
                String[] parts = path.split("\\.");
                JsonNode value = a.path(parts[0]).path(parts[1]);
                if (!value.isTextual() || !base64(value.asText())) {
                    throw malformed(i + "." + path, "Base64 decoding error", "base64_decode");
                }
            }
            JsonNode entries = a.path("verification_material").path("transparency_entries");
            if (!entries.isArray() || entries.isEmpty()) {
                throw malformed(i + ".verification_material.transparency_entries",
                        "List should have at least 1 item after validation, not 0", "too_short");
            }
        }
        return list;
    }

    private static String verify(JsonNode attestation, TrustedPublisher publisher, String filename, String sha256)
            throws Failed {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] statement = b64.decode(attestation.path("envelope").path("statement").asText());
        byte[] signature = b64.decode(attestation.path("envelope").path("signature").asText());
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(b64.decode(attestation.path("verification_material").path("certificate")
                            .asText())));
        } catch (Exception e) {
            throw new Failed("invalid X.509 certificate");
        }
        PublisherPolicies.check(publisher, certificate);
        try {
            String type = "application/vnd.in-toto+json";
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(certificate.getPublicKey());
            ecdsa.update(("DSSEv1 " + type.length() + " " + type + " " + statement.length + " ")
                    .getBytes(StandardCharsets.US_ASCII));
            ecdsa.update(statement);
            if (!ecdsa.verify(signature)) {
                throw new Failed("DSSE: invalid signature");
            }
        } catch (Failed e) {
            throw e;
        } catch (Exception e) {
            throw new Failed("DSSE: invalid signature");
        }
        checkLogEntry(attestation.path("verification_material").path("transparency_entries").get(0), statement,
                signature, certificate);
        return checkStatement(statement, filename, sha256);
    }

    private static void checkLogEntry(JsonNode entry, byte[] statement, byte[] signature, X509Certificate certificate)
            throws Failed {
        try {
            JsonNode body = JSON.readTree(Base64.getDecoder().decode(entry.path("canonicalizedBody").asText()));
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(statement));
            if (!hash.equals(body.path("spec").path("payloadHash").path("value").asText())) {
                throw new Failed("log entry payload hash does not match bundle");
            }
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
            JsonNode signatures = body.path("spec").path("signatures");
            if (signatures.size() != 1 || !Base64.getEncoder().encodeToString(signature).equals(
                    signatures.get(0).path("signature").asText()) || !Base64.getEncoder().encodeToString(
                    pem.getBytes(StandardCharsets.US_ASCII)).equals(signatures.get(0).path("verifier").asText())) {
                throw new Failed("log entry signatures do not match bundle");
            }
        } catch (Failed e) {
            throw e;
        } catch (Exception e) {
            throw new Failed("invalid DSSE log entry");
        }
    }

    private static String checkStatement(byte[] bytes, String filename, String sha256) throws Failed {
        JsonNode statement;
        try {
            statement = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new Failed("invalid statement: not JSON");
        }
        JsonNode subjects = statement.path("subject");
        if (subjects.size() != 1) {
            throw new Failed("too many subjects in statement (must be exactly one)");
        }
        String name = subjects.get(0).path("name").asText("");
        if (name.isEmpty()) {
            throw new Failed("invalid subject: missing name");
        }
        if (!name.equals(filename)) {
            throw new Failed("subject does not match distribution name: " + name + " != " + filename);
        }
        if (!sha256.equals(subjects.get(0).path("digest").path("sha256").asText(null))) {
            throw new Failed("subject does not match distribution digest");
        }
        String predicateType = statement.path("predicateType").asText("");
        if (!PREDICATE_TYPES.contains(predicateType)) {
            throw new Failed("unknown attestation type: " + predicateType);
        }
        return predicateType;
    }

    private static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Refusal malformed(String location, String message, String type) {
        return new Refusal("Malformed attestations: 1 validation error for list[Attestation]\n" + location
                + (location.isEmpty() ? "" : "\n") + "  " + message + " [type=" + type + "]");
    }

    /** A refusal of the whole field, with Warehouse's message after the common prefix. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /** pypi-attestations' VerificationError text (without its "Verification failed: " prefix). */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }
}
