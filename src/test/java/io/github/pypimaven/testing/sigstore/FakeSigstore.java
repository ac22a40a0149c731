package io.github.pypimaven.testing.sigstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * A fake Fulcio and a fake Rekor side by side, and the Sigstore {@code trusted_root.json} that trusts them (the CA
 * chain, the CT log key and the Rekor key, each valid from an hour before they were made), for the plugin's verifier
 * and for sigstore-java's. Usable from Groovy (no JUnit dependency).
 */
public final class FakeSigstore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeFulcio fulcio;
    private final FakeRekor rekor;

    private FakeSigstore(FakeFulcio fulcio, FakeRekor rekor) {
        this.fulcio = fulcio;
        this.rekor = rekor;
    }

    /** Starts both, trusting identity tokens signed with {@code issuerKeys}. */
    public static FakeSigstore start(JWKSet issuerKeys) throws IOException {
        return start(issuerKeys, 0, 0);
    }

    /** On these ports of 127.0.0.1 (0: any free one). */
    public static FakeSigstore start(JWKSet issuerKeys, int fulcioPort, int rekorPort) throws IOException {
        FakeFulcio fulcio = FakeFulcio.start(issuerKeys, fulcioPort);
        try {
            return new FakeSigstore(fulcio, FakeRekor.start(rekorPort));
        } catch (IOException | RuntimeException e) {
            fulcio.close();
            throw e;
        }
    }

    public FakeFulcio fulcio() {
        return fulcio;
    }

    public FakeRekor rekor() {
        return rekor;
    }

    /** The time both fakes work in (see {@link FakeFulcio#clock} and {@link FakeRekor#clock}). */
    public FakeSigstore clock(java.time.Clock clock) {
        fulcio.clock(clock);
        rekor.clock(clock);
        return this;
    }

    /** The trusted root for these fakes. */
    public String trustedRootJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
        root.putArray("tlogs").add(log(rekor.url(), rekor.publicKey(), rekor.validFrom()));
        ObjectNode ca = root.putArray("certificateAuthorities").addObject();
        ca.putObject("subject").put("organization", "pypi-maven-plugin tests").put("commonName", "fake-sigstore");
        ca.put("uri", fulcio.url());
        ArrayNode chain = ca.putObject("certChain").putArray("certificates");
        for (X509Certificate certificate : fulcio.ca().chain()) {
            try {
                chain.addObject().put("rawBytes", Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        ca.putObject("validFor").put("start", fulcio.ca().validFrom().toString());
        root.putArray("ctlogs").add(log(fulcio.url() + "/ct", fulcio.ca().ctLogKey(), fulcio.ca().validFrom()));
        root.putArray("timestampAuthorities");
        return root.toPrettyString();
    }

    /** Writes {@link #trustedRootJson()} to {@code file}; returns it. */
    public Path writeTrustedRoot(Path file) throws IOException {
        return Files.writeString(file, trustedRootJson());
    }

    private static ObjectNode log(String baseUrl, PublicKey key, Instant validFrom) {
        ObjectNode log = JSON.createObjectNode();
        log.put("baseUrl", baseUrl);
        log.put("hashAlgorithm", "SHA2_256");
        ObjectNode publicKey = log.putObject("publicKey");
        publicKey.put("rawBytes", Base64.getEncoder().encodeToString(key.getEncoded()));
        publicKey.put("keyDetails", "PKIX_ECDSA_P256_SHA_256");
        publicKey.putObject("validFor").put("start", validFrom.toString());
        try {
            log.putObject("logId").put("keyId", Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(key.getEncoded())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return log;
    }

    @Override
    public void close() {
        try {
            fulcio.close();
        } finally {
            rekor.close();
        }
    }
}
