package io.github.pypimaven.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The trust material of a Sigstore instance, read from its {@code trusted_root.json} (media type
 * {@code application/vnd.dev.sigstore.trustedroot+json;version=0.1}): the Fulcio CA chains, the Rekor logs' keys and
 * the certificate-transparency logs' keys, each with the time it was valid for. Keys of a type the JDK cannot verify
 * with are left out; an entry signed by such a key then fails as "not in the trusted root".
 */
public record TrustedRoot(List<CertificateAuthority> certificateAuthorities, List<LogKey> transparencyLogs,
        List<LogKey> ctLogs) {

    public record Validity(Instant start, Optional<Instant> end) {

        public boolean contains(Instant time) {
            return !time.isBefore(start) && end.map(e -> !time.isAfter(e)).orElse(true);
        }
    }

    /** A Fulcio CA: its chain, the certificate nearest the leaf first and the root last. */
    public record CertificateAuthority(String uri, List<X509Certificate> chain, Validity validFor) {

        public CertificateAuthority {
            chain = List.copyOf(chain);
        }
    }

    /**
     * A log's key.
     *
     * @param keyId     the log id: SHA-256 of the key's DER SubjectPublicKeyInfo
     * @param algorithm the JCA signature algorithm the log signs with, e.g. {@code SHA256withECDSA}
     */
    public record LogKey(String baseUrl, byte[] keyId, PublicKey key, String algorithm, Validity validFor) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEDIA_TYPE = "application/vnd.dev.sigstore.trustedroot+json;version=0.1";

    public TrustedRoot {
        certificateAuthorities = List.copyOf(certificateAuthorities);
        transparencyLogs = List.copyOf(transparencyLogs);
        ctLogs = List.copyOf(ctLogs);
    }

    Optional<LogKey> transparencyLog(byte[] keyId) {
        return transparencyLogs.stream().filter(l -> Arrays.equals(l.keyId(), keyId)).findFirst();
    }

    Optional<LogKey> ctLog(byte[] keyId) {
        return ctLogs.stream().filter(l -> Arrays.equals(l.keyId(), keyId)).findFirst();
    }

    public static TrustedRoot read(Path file) throws AttestationException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw invalid(file, "it does not exist. Point sigstoreTrustedRoot at a Sigstore trusted_root.json, or"
                    + " leave it unset");
        } catch (IOException e) {
            throw invalid(file, "it cannot be read as JSON (" + SigstoreHttp.describe(e) + ")");
        }
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            String mediaType = root.path("mediaType").asText(MEDIA_TYPE);
            if (!mediaType.equals(MEDIA_TYPE)) {
                throw new IllegalArgumentException("its mediaType is '" + mediaType + "', expected '" + MEDIA_TYPE + "'");
            }
            List<CertificateAuthority> cas = new ArrayList<>();
            for (JsonNode ca : root.path("certificateAuthorities")) {
                cas.add(authority(ca));
            }
            TrustedRoot parsed = new TrustedRoot(cas, logs(root.path("tlogs"), "tlogs"), logs(root.path("ctlogs"),
                    "ctlogs"));
            if (parsed.certificateAuthorities.isEmpty() || parsed.transparencyLogs.isEmpty()
                    || parsed.ctLogs.isEmpty()) {
                throw new IllegalArgumentException("it needs at least one certificate authority, one transparency"
                        + " log and one CT log with a key this JDK can use");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static CertificateAuthority authority(JsonNode ca) {
        String uri = ca.path("uri").asText("");
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode certificate : ca.path("certChain").path("certificates")) {
            try {
                chain.add(Pem.parseCertificate(base64(certificate, "certificateAuthorities.certChain")));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("a certificate of the CA " + uri + " cannot be read");
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the CA " + uri + " has no certChain.certificates");
        }
        return new CertificateAuthority(uri, chain, validity(ca.path("validFor"), "CA " + uri));
    }

    private static List<LogKey> logs(JsonNode array, String field) {
        List<LogKey> logs = new ArrayList<>();
        for (JsonNode log : array) {
            String baseUrl = log.path("baseUrl").asText("");
            JsonNode key = log.path("publicKey");
            Optional<String[]> algorithms = algorithms(key.path("keyDetails").asText(""));
            if (algorithms.isEmpty()) {
                continue;
            }
            byte[] spki = base64(key.path("rawBytes"), field + " " + baseUrl + " publicKey.rawBytes");
            PublicKey publicKey;
            try {
                publicKey = KeyFactory.getInstance(algorithms.get()[0]).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the key of " + field + " " + baseUrl + " cannot be read");
            }
            byte[] keyId = base64(log.path("logId").path("keyId"), field + " " + baseUrl + " logId.keyId");
            logs.add(new LogKey(baseUrl, keyId, publicKey, algorithms.get()[1],
                    validity(key.path("validFor"), field + " " + baseUrl)));
        }
        return logs;
    }

    /** The JCA key and signature algorithms for a Sigstore key type; empty for types the JDK cannot use. */
    private static Optional<String[]> algorithms(String keyDetails) {
        return Optional.ofNullable(switch (keyDetails) {
            case "PKIX_ECDSA_P256_SHA_256" -> new String[] {"EC", "SHA256withECDSA"};
            case "PKIX_ECDSA_P384_SHA_384" -> new String[] {"EC", "SHA384withECDSA"};
            case "PKIX_ECDSA_P521_SHA_512" -> new String[] {"EC", "SHA512withECDSA"};
            case "PKIX_ED25519" -> new String[] {"Ed25519", "Ed25519"};
            case "PKIX_RSA_PKCS1V15_2048_SHA256", "PKIX_RSA_PKCS1V15_3072_SHA256", "PKIX_RSA_PKCS1V15_4096_SHA256" ->
                    new String[] {"RSA", "SHA256withRSA"};
            default -> null;
        });
    }

    private static Validity validity(JsonNode validFor, String what) {
        try {
            Instant start = Instant.parse(validFor.path("start").asText(""));
            Optional<Instant> end = validFor.hasNonNull("end")
                    ? Optional.of(Instant.parse(validFor.get("end").asText())) : Optional.empty();
            return new Validity(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the validFor of " + what + " is not an RFC 3339 time range");
        }
    }

    private static byte[] base64(JsonNode node, String what) {
        JsonNode value = node.isObject() ? node.get("rawBytes") : node;
        try {
            if (value != null && value.isTextual()) {
                return Base64.getDecoder().decode(value.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " is not base64");
    }

    private static AttestationException invalid(Path file, String detail) {
        return new AttestationException(AttestationStep.TRUSTED_ROOT, "The Sigstore trusted root " + file
                + " cannot be used: " + detail + ".");
    }
}
