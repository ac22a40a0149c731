package io.github.pypimaven.testing.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Rekor v1 log on 127.0.0.1 for {@code dsse} 0.0.1 entries: it checks the envelope's signature with the
 * submitted certificate (and refuses a bad one, as Rekor does), stores the canonical body, keeps an RFC 6962 Merkle
 * tree, and answers with a signed entry timestamp, an inclusion proof and a checkpoint signed by its key, whose signer
 * name is the host (as sigstore-java expects). Global log indexes are offset from the tree's own, as on Rekor's
 * sharded log. Negative modes: injected errors, no inclusion proof (never, or until polled), a bad SET, a skewed
 * integrated time, a re-wrapped certificate PEM in the body. Usable from Groovy (no JUnit dependency).
 */
public final class FakeRekor implements AutoCloseable {

    /** The global index of the tree's first entry. */
    public static final long SHARD_OFFSET = FakeRekorLog.SHARD_OFFSET;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final FakeRekorLog log = new FakeRekorLog();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile int failuresLeft;
    private volatile int failureStatus;
    private volatile int proofAfterGets; // 0: with the POST answer; -1: never
    private volatile boolean badSet;
    private volatile boolean rewrapVerifier;
    private volatile Duration timeSkew = Duration.ZERO;
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private volatile Runnable afterEntry = () -> { };
    private volatile CountDownLatch gate;
    private volatile Duration gateWait = Duration.ZERO;

    private FakeRekor(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-rekor");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeRekor start() throws IOException {
        return start(0);
    }

    /** On {@code port} of 127.0.0.1 (0: any free one), e.g. the port an invoker IT's POM names. */
    public static FakeRekor start(int port) throws IOException {
        return new FakeRekor(port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public PublicKey publicKey() {
        return log.publicKey();
    }

    public byte[] logId() {
        return log.logId();
    }

    public Instant validFrom() {
        return log.validFrom();
    }

    public FakeRekor failNext(int count, int status) {
        failureStatus = status;
        failuresLeft = count;
        return this;
    }

    /** Negative mode: answers carry an inclusion proof only after {@code gets} reads of the entry; -1: never. */
    public FakeRekor inclusionProofAfterReads(int gets) {
        proofAfterGets = gets;
        return this;
    }

    /** The time entries are integrated at; lets a test move a run's time forward. */
    public FakeRekor clock(java.time.Clock value) {
        clock = value;
        return this;
    }

    /** Runs after each entry is added, before the answer is sent (e.g. to move a test clock). */
    public FakeRekor afterEntry(Runnable action) {
        afterEntry = action;
        return this;
    }

    /** Negative mode: the SET signs other data. */
    public FakeRekor badSet(boolean value) {
        badSet = value;
        return this;
    }

    /** Negative mode: the entry's integrated time is shifted by {@code skew}. */
    public FakeRekor integratedTimeSkew(Duration skew) {
        timeSkew = skew;
        return this;
    }

    /** Negative mode: the body records the certificate as a MIME-wrapped CRLF PEM instead of Go's. */
    public FakeRekor rewrapVerifier(boolean value) {
        rewrapVerifier = value;
        return this;
    }

    /** The first {@code requests} POSTs wait (at most {@code wait}) until that many are in flight together. */
    public FakeRekor holdUntilConcurrent(int requests, Duration wait) {
        gateWait = wait;
        gate = new CountDownLatch(requests);
        return this;
    }

    /** The most POSTs that were in progress at once. */
    public int maxConcurrentPosts() {
        return maxInFlight.get();
    }

    public int entriesAdded() {
        return posts.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/log/entries")) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    await();
                    post(exchange, body);
                } finally {
                    inFlight.decrementAndGet();
                }
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/api/v1/log/entries/")) {
                String uuid = path.substring("/api/v1/log/entries/".length());
                FakeRekorLog.Stored stored = log.find(uuid);
                if (stored == null) {
                    error(exchange, 404, "entry not found");
                } else {
                    stored.gets().incrementAndGet();
                    answer(exchange, 200, uuid, stored);
                }
            } else {
                error(exchange, 404, "path " + path + " was not found");
            }
        }
    }

    private void await() {
        CountDownLatch current = gate;
        if (current != null && current.getCount() > 0) {
            current.countDown();
            try {
                current.await(gateWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void post(HttpExchange exchange, byte[] request) throws IOException {
        synchronized (this) {
            if (failuresLeft > 0) {
                failuresLeft--;
                error(exchange, failureStatus, "fake Rekor: injected failure");
                return;
            }
        }
        JsonNode proposal = JSON.readTree(request);
        if (!"dsse".equals(proposal.path("kind").asText()) || !"0.0.1".equals(proposal.path("apiVersion").asText())) {
            error(exchange, 400, "this fake only logs dsse 0.0.1 entries");
            return;
        }
        JsonNode content = proposal.path("spec").path("proposedContent");
        String envelopeText = content.path("envelope").asText();
        JsonNode envelope = JSON.readTree(envelopeText);
        X509Certificate certificate;
        byte[] payload;
        byte[] signature;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(content.path("verifiers").get(0).asText())));
            payload = Base64.getDecoder().decode(envelope.path("payload").asText());
            signature = Base64.getDecoder().decode(envelope.path("signatures").get(0).path("sig").asText());
            String type = envelope.path("payloadType").asText();
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(certificate.getPublicKey());
            ecdsa.update(("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ")
                    .getBytes(StandardCharsets.UTF_8));
            ecdsa.update(payload);
            if (!ecdsa.verify(signature)) {
                error(exchange, 400, "verifying signature: invalid signature when validating ASN.1 encoded signature");
                return;
            }
        } catch (Exception e) {
            error(exchange, 400, "unmarshalling entry: the proposed entry is malformed");
            return;
        }
        byte[] body = FakeRekorLog.canonicalBody(envelopeText, payload, signature, certificate, rewrapVerifier);
        String uuid = log.add(body, clock.instant().plus(timeSkew).getEpochSecond());
        posts.incrementAndGet();
        afterEntry.run();
        exchange.getResponseHeaders().set("Location", "/api/v1/log/entries/" + uuid);
        answer(exchange, 201, uuid, log.find(uuid));
    }

    private void answer(HttpExchange exchange, int status, String uuid, FakeRekorLog.Stored stored)
            throws IOException {
        int wanted = proofAfterGets;
        boolean withProof = wanted >= 0 && stored.gets().get() >= wanted;
        send(exchange, status, JSON.writeValueAsBytes(log.answer(uuid, stored, withProof, badSet)));
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JSON.writeValueAsBytes(Map.of("code", status, "message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
