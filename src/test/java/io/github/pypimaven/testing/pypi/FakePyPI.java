package io.github.pypimaven.testing.pypi;

import io.github.pypimaven.testing.TreeDeletion;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake PyPI upload server on 127.0.0.1 that speaks Warehouse's legacy upload API ({@code POST /legacy/},
 * {@code :action=file_upload}) and refuses what PyPI refuses, with PyPI's messages, in Warehouse's order. Accepted
 * files are stored byte for byte in {@link #storageDir()}; every request to the upload endpoint is recorded.
 *
 * <p>Also serves, for clients that check before or after uploading: {@code GET /simple/<project>/} (PEP 691 JSON
 * when asked for {@code application/vnd.pypi.simple.v1+json}, else PEP 503 HTML) and {@code GET /files/<filename>}.
 *
 * <p>Made to be driven from JUnit and from Groovy invoker scripts alike: no JUnit dependency, plain getters.
 * <pre>{@code
 * try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-test-token")) {
 *     // point the plugin at pypi.uploadUrl() with token "pypi-test-token", run it, then:
 *     StoredFile wheel = pypi.files().get("demo-1.0-py3-none-any.whl");
 *     UploadRequest last = pypi.uploadRequests().get(pypi.uploadRequests().size() - 1);
 * }
 * }</pre>
 *
 * <p>Uploads authenticated with a Trusted Publishing token ({@link #acceptTrustedPublishingToken}) may carry PEP 740
 * attestations, checked as Warehouse checks them ({@link AttestationRules}); with an API token they are refused.
 *
 * <p>Deliberate differences from PyPI: the "File already exists" message shows the sha256 where PyPI shows the
 * blake2_256 hash (the JDK has no BLAKE2, so a supplied blake2_256_digest is recorded but not verified);
 * classifiers, SPDX license expressions and e-mail addresses are not validated; there are no projects, owners,
 * closed releases or deleted filenames.
 */
public final class FakePyPI implements AutoCloseable {

    static final long ONE_MIB = 1024L * 1024;
    private static final String FILE_SIZE_HELP =
            "https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final Path files;
    private final Path incoming;
    private final AtomicInteger requestCount = new AtomicInteger();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, TrustedPublisher> publishers = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> extraHandlers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<UploadRequest> uploadRequests = Collections.synchronizedList(new ArrayList<>());
    private final Object storeLock = new Object();
    private final Map<String, StoredFile> stored = new LinkedHashMap<>(); // guarded by storeLock
    private volatile long maxFileSize = 100 * ONE_MIB;
    private int failuresLeft; // guarded by this
    private final Map<String, UploadRejected> failingFiles = new java.util.HashMap<>(); // guarded by this
    private volatile java.time.Duration processingDelay = java.time.Duration.ZERO;
    private volatile boolean sink;
    private int failureStatus;
    private String failureMessage;

    private FakePyPI(int port) throws IOException {
        root = Files.createTempDirectory("fakepypi-");
        files = Files.createDirectory(root.resolve("files"));
        incoming = Files.createDirectory(root.resolve("incoming"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fakepypi-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Starts a server on 127.0.0.1; {@code port} 0 picks a free port. */
    public static FakePyPI start(int port) throws IOException {
        return new FakePyPI(port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String uploadUrl() {
        return baseUrl() + "/legacy/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Accepts {@code token} (Basic {@code __token__:<token>}) for uploads, forever. */
    public FakePyPI acceptToken(String token) {
        return acceptToken(token, Instant.MAX);
    }

    /** Accepts {@code token} until {@code expiresAt}; later uploads with it get Warehouse's expired-token 403. */
    public FakePyPI acceptToken(String token, Instant expiresAt) {
        tokens.put(token.strip(), expiresAt);
        return this;
    }

    /**
     * Accepts {@code token}, minted by Trusted Publishing for {@code publisher}, until {@code expiresAt}: uploads with it
     * may carry attestations, which are checked against that publisher (see {@link AttestationRules}).
     */
    public FakePyPI acceptTrustedPublishingToken(String token, Instant expiresAt, TrustedPublisher publisher) {
        publishers.put(token.strip(), publisher);
        return acceptToken(token, expiresAt);
    }

    /** Serves requests whose path starts with {@code pathPrefix} (e.g. {@code /_/oidc/}) with {@code handler}. */
    public FakePyPI handle(String pathPrefix, HttpHandler handler) {
        extraHandlers.put(pathPrefix, handler);
        return this;
    }

    /** The next {@code count} uploads (after their body is read) get {@code status} with {@code message}. */
    public synchronized FakePyPI failNextUploads(int count, int status, String message) {
        failuresLeft = count;
        failureStatus = status;
        failureMessage = message;
        return this;
    }

    /** Every upload of the file {@code filename} (after its body is read) gets {@code status} with {@code message}. */
    public synchronized FakePyPI failUploadsOf(String filename, int status, String message) {
        failingFiles.put(filename, new UploadRejected(status, message));
        return this;
    }

    /**
     * How long each upload takes to be checked after its body arrived, as PyPI takes minutes for large files;
     * lets a test make a publishing run outlast a short-lived token.
     */
    public FakePyPI processingDelay(java.time.Duration delay) {
        processingDelay = delay;
        return this;
    }

    /** Waits out {@link #processingDelay}; called once per upload, outside any lock. */
    void simulateProcessing() {
        try {
            Thread.sleep(processingDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes this server a sink for benchmarks: each upload is parsed and authenticated, and the sha256 of the bytes
     * received must equal the {@code sha256_digest} field (wherever it is in the form, as Warehouse reads the whole
     * form first); nothing else is checked and nothing is stored, so the same files can be sent again and again and
     * the server's own cost stays small. {@code md5_digest} and {@code blake2_256_digest} are not checked (MD5 alone
     * would double the server's work, and the JDK has no BLAKE2).
     */
    public FakePyPI sink() {
        sink = true;
        return this;
    }

    boolean isSink() {
        return sink;
    }

    /** The per-file size limit; PyPI's default is 100 MiB. */
    public FakePyPI maxFileSize(long bytes) {
        maxFileSize = bytes;
        return this;
    }

    /** Every request that reached the upload endpoint, in arrival order, rejected ones included. */
    public List<UploadRequest> uploadRequests() {
        synchronized (uploadRequests) {
            return List.copyOf(uploadRequests);
        }
    }

    /** Accepted files by filename, in upload order. */
    public Map<String, StoredFile> files() {
        synchronized (storeLock) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(stored));
        }
    }

    /** The directory holding the accepted files, byte for byte, under their filenames. */
    public Path storageDir() {
        return files;
    }

    /** All HTTP requests of any kind received so far. */
    public int requestCount() {
        return requestCount.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        TreeDeletion.delete(root, "the fake PyPI's storage");
    }

    // --- dispatch ----------------------------------------------------------------------------------------------------

    private void dispatch(HttpExchange exchange) throws IOException {
        requestCount.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            HttpHandler extra = extraHandlerFor(path);
            if (extra != null) {
                extra.handle(exchange);
            } else if (path.equals("/legacy") || path.equals("/legacy/")) {
                new UploadEndpoint(this, exchange).handle();
            } else if (path.startsWith("/simple/") || path.startsWith("/files/")) {
                new IndexEndpoint(this, exchange).handle();
            } else {
                drain(exchange);
                sendError(exchange, 404, "The resource could not be found.");
            }
        }
    }

    private HttpHandler extraHandlerFor(String path) {
        synchronized (extraHandlers) {
            return extraHandlers.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse(null);
        }
    }

    // --- state used by the endpoints ----------------------------------------------------------------------------

    long maxFileSizeValue() {
        return maxFileSize;
    }

    Path incomingDir() {
        return incoming;
    }

    /** null when the token is unknown, else its expiry. */
    Instant tokenExpiry(String token) {
        return token == null ? null : tokens.get(token.strip());
    }

    /** The Trusted Publisher a token was minted for; null for an API token or an unknown one. */
    TrustedPublisher publisherOf(String token) {
        return token == null ? null : publishers.get(token.strip());
    }

    /** The injected failure to answer an upload of the file with, or null; counts it down. */
    synchronized UploadRejected takeInjectedFailure(String contentFilename) {
        if (contentFilename != null && failingFiles.containsKey(contentFilename)) {
            return failingFiles.get(contentFilename);
        }
        if (failuresLeft <= 0) {
            return null;
        }
        failuresLeft--;
        return new UploadRejected(failureStatus, failureMessage);
    }

    void record(UploadRequest request) {
        uploadRequests.add(request);
    }

    /**
     * The state-dependent end of Warehouse's pipeline, atomically: duplicates, one sdist per release, then the
     * (precomputed) archive and filename verdict and attestation verdict, then storage. Returns true for a new file, false for an identical
     * re-upload (which PyPI answers with 200 and ignores).
     */
    boolean storeIfAllowed(ReceivedFile content, UploadForm form, List<Map.Entry<String, String>> fields,
            UploadRejected fileProblem, UploadRejected attestationProblem) throws UploadRejected, IOException {
        synchronized (storeLock) {
            String filename = content.filename();
            StoredFile same = stored.values().stream()
                    .filter(f -> f.filename().equals(filename) || f.sha256().equals(content.sha256()))
                    .findFirst().orElse(null);
            if (same != null) {
                if (same.filename().equals(filename) && same.sha256().equals(content.sha256())) {
                    return false;
                }
                // PyPI names the blake2_256 hash here; the JDK has no BLAKE2, so this fake shows the sha256.
                throw UploadRejected.badRequest("File already exists (" + PyRepr.of(filename)
                        + ", with blake2_256 hash " + PyRepr.of(content.sha256())
                        + "). See https://pypi.org/help/#file-name-reuse for more information.");
            }
            if (form.filetype().equals("sdist") && stored.values().stream().anyMatch(f -> "sdist".equals(f.filetype())
                    && sameRelease(f, form))) {
                throw UploadRejected.badRequest("Only one sdist may be uploaded per release.");
            }
            if (fileProblem != null) {
                throw fileProblem;
            }
            if (attestationProblem != null) {
                throw attestationProblem;
            }
            Path target = files.resolve(filename);
            Files.move(content.path(), target, StandardCopyOption.REPLACE_EXISTING);
            stored.put(filename, new StoredFile(filename, target, content.size(), content.sha256(), content.md5(),
                    List.copyOf(fields)));
            return true;
        }
    }

    private static boolean sameRelease(StoredFile file, UploadForm form) {
        return file.name() != null && PyNames.canonicalize(file.name()).equals(PyNames.canonicalize(form.name()))
                && form.version() != null && form.version().equals(PyVersion.parse(file.version()));
    }

    // --- HTTP helpers shared by the endpoints -------------------------------------------------------------------

    static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        PyramidErrorPage.Rendered page = PyramidErrorPage.render(status, message,
                exchange.getRequestHeaders().getFirst("Accept"));
        send(exchange, status, page.contentType(), page.body());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A query string's parameters, decoded, repeats kept (also used by the fake OIDC issuer). */
    public static Map<String, List<String>> queryParams(String rawQuery) {
        Map<String, List<String>> params = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Manual testing: {@code FakePyPI [port] [token]} serves until killed. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String token = args.length > 1 ? args[1] : "pypi-fake-token";
        FakePyPI pypi = start(port).acceptToken(token);
        Runtime.getRuntime().addShutdownHook(new Thread(pypi::close));
        System.out.println("Fake PyPI upload URL: " + pypi.uploadUrl()
                + " (user __token__, password: the token argument, 'pypi-fake-token' by default)");
        Thread.currentThread().join();
    }
}
