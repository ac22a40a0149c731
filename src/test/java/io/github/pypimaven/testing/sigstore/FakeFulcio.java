package io.github.pypimaven.testing.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * A fake Fulcio on 127.0.0.1 that speaks {@code POST /api/v2/signingCert} as the real one does for a public key with
 * a proof of possession: it verifies the identity token against the test issuer's keys (audience {@code sigstore},
 * not expired), checks the proof (the token's {@code sub}, or {@code email} for Google, signed with the key), and
 * issues a short-lived certificate with Fulcio's identity extensions for GitHub, GitLab and Google tokens and an
 * embedded SCT. Errors come as Fulcio's gRPC-gateway JSON. Usable from Groovy (no JUnit dependency).
 */
public final class FakeFulcio implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final FakeCertificateAuthority ca = new FakeCertificateAuthority();
    private final JWKSet issuerKeys;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofMinutes(10);
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private volatile boolean expired;
    private volatile boolean detachedSct;
    private volatile int failuresLeft;
    private volatile int failureStatus;

    private FakeFulcio(JWKSet issuerKeys, int port) throws IOException {
        this.issuerKeys = issuerKeys;
        server = HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 50);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-fulcio");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free port, trusting tokens signed with {@code issuerKeys} (e.g. {@code FakeOidcIssuer.jwkSet()}). */
    public static FakeFulcio start(JWKSet issuerKeys) throws IOException {
        return start(issuerKeys, 0);
    }

    /** On {@code port} of 127.0.0.1 (0: any free one), e.g. the port an invoker IT's POM names. */
    public static FakeFulcio start(JWKSet issuerKeys, int port) throws IOException {
        return new FakeFulcio(issuerKeys, port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeCertificateAuthority ca() {
        return ca;
    }

    /** How long certificates are valid (Fulcio: ten minutes). */
    public FakeFulcio lifetime(Duration value) {
        lifetime = value;
        return this;
    }

    /**
     * The time certificates are issued at (tokens are still checked against the real time, as their issuer made
     * them); lets a test move a run's time forward.
     */
    public FakeFulcio clock(java.time.Clock value) {
        clock = value;
        return this;
    }

    /** Negative mode: certificates that expired ten minutes ago. */
    public FakeFulcio expiredCertificates(boolean value) {
        expired = value;
        return this;
    }

    /** Negative mode: the detached-SCT answer, which PyPI cannot use. */
    public FakeFulcio detachedSct(boolean value) {
        detachedSct = value;
        return this;
    }

    /** Negative mode: the next {@code count} requests fail with {@code status} (503, 500...). */
    public FakeFulcio failNext(int count, int status) {
        failureStatus = status;
        failuresLeft = count;
        return this;
    }

    public int certificatesIssued() {
        return issued.get();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath()
                    .equals("/api/v2/signingCert")) {
                error(exchange, 404, 5, "Not Found");
                return;
            }
            synchronized (this) {
                if (failuresLeft > 0) {
                    failuresLeft--;
                    error(exchange, failureStatus, 14, "fake Fulcio: injected failure");
                    return;
                }
            }
            signingCert(exchange, body);
        }
    }

    private void signingCert(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        String token = request.path("credentials").path("oidcIdentityToken").asText("");
        JWTClaimsSet claims = verifiedClaims(token);
        if (claims == null) {
            error(exchange, 401, 16, "There was an error processing the identity token");
            return;
        }
        PublicKey key;
        try {
            JsonNode keyRequest = request.path("publicKeyRequest");
            byte[] spki = new PemReader(new StringReader(keyRequest.path("publicKey").path("content").asText()))
                    .readPemObject().getContent();
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            String claim = FakeOidcClaims.isGoogle(claims) ? "email" : "sub";
            Signature proof = Signature.getInstance("SHA256withECDSA");
            proof.initVerify(key);
            proof.update(String.valueOf(claims.getClaim(claim)).getBytes(StandardCharsets.UTF_8));
            if (!proof.verify(Base64.getDecoder().decode(keyRequest.path("proofOfPossession").asText()))) {
                error(exchange, 400, 3, "The signature supplied in the request could not be verified");
                return;
            }
        } catch (Exception e) {
            error(exchange, 400, 3, "The public key supplied in the request could not be parsed");
            return;
        }
        FakeCertificateAuthority.LeafIdentity identity = FakeOidcClaims.identity(claims);
        if (identity == null) {
            error(exchange, 400, 3, "The identity token's issuer is not supported");
            return;
        }
        Instant now = clock.instant();
        Instant notBefore = expired ? now.minus(lifetime).minusSeconds(600) : now;
        X509Certificate leaf = ca.issue(key, identity, notBefore, notBefore.plus(lifetime));
        issued.incrementAndGet();
        List<String> chain = new ArrayList<>();
        chain.add(Pems.certificate(leaf));
        ca.chain().forEach(c -> chain.add(Pems.certificate(c)));
        String kind = detachedSct ? "signedCertificateDetachedSct" : "signedCertificateEmbeddedSct";
        send(exchange, 200, Map.of(kind, Map.of("chain", Map.of("certificates", chain))));
    }

    private JWTClaimsSet verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = issuerKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean live = claims.getExpirationTime() != null && claims.getExpirationTime().toInstant()
                    .isAfter(Instant.now());
            return live && claims.getAudience().contains("sigstore") ? claims : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void error(HttpExchange exchange, int status, int grpcCode, String message) throws IOException {
        send(exchange, status, Map.of("code", grpcCode, "message", message, "details", List.of()));
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The SAN of a leaf, for tests. */
    static GeneralName uri(String value) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, value);
    }
}
