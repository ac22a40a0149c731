package io.github.pypimaven.testing.pypi;

import io.github.pypimaven.testing.TreeDeletion;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake self-hosted index on 127.0.0.1 (Nexus, Artifactory, GitLab, CodeArtifact, devpi, pypiserver: see
 * {@link IndexKind}) with the rules such indexes share and PyPI does not: HTTP Basic logins of named accounts (401
 * without a valid one, 403 for an account that may only read), a simple API that may need a login too, and a file name
 * that cannot be uploaded twice, answered in the kind's own words. It checks no metadata: these indexes check little.
 *
 * <p>Made to be driven from JUnit and from Groovy invoker scripts alike: no JUnit dependency, plain getters.
 */
public final class FakePrivateIndex implements AutoCloseable {

    private final IndexKind kind;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "fake-private-index");
        t.setDaemon(true);
        return t;
    });
    private final Path root;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> stored = Collections.synchronizedMap(new LinkedHashMap<>()); // name -> sha256
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Answer> nextUploadAnswers = Collections.synchronizedList(new ArrayList<>());

    /** One request as it arrived: the user it authenticated as (null without Basic credentials) and the answer. */
    public record Request(String method, String path, String user, int status) {}

    private record Account(String password, boolean upload) {}

    private record Answer(int status, String retryAfter, String body) {}

    private FakePrivateIndex(IndexKind kind, int port) throws IOException {
        this.kind = kind;
        root = Files.createTempDirectory("fake-private-index-");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Starts a server on 127.0.0.1 that behaves like {@code kind}; {@code port} 0 picks a free port. */
    public static FakePrivateIndex start(IndexKind kind, int port) throws IOException {
        return new FakePrivateIndex(kind, port);
    }

    /** An account that may upload (and read). */
    public FakePrivateIndex uploader(String user, String password) {
        accounts.put(user, new Account(password, true));
        return this;
    }

    /** An account that may only read. */
    public FakePrivateIndex reader(String user, String password) {
        accounts.put(user, new Account(password, false));
        return this;
    }

    /** The next {@code count} uploads (after their body is read) are answered with {@code status}, and a Retry-After. */
    public FakePrivateIndex answerNextUploads(int count, int status, String retryAfter) {
        for (int i = 0; i < count; i++) {
            nextUploadAnswers.add(new Answer(status, retryAfter, "Service busy, try again later"));
        }
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String uploadUrl() {
        return baseUrl() + kind.uploadPath();
    }

    public String simpleUrl() {
        return baseUrl() + kind.simplePath();
    }

    /** Stored files: name to sha256, in upload order. */
    public Map<String, String> files() {
        synchronized (stored) {
            return Map.copyOf(stored);
        }
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The upload requests (POSTs to the upload URL), answered or not. */
    public List<Request> uploads() {
        return requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        TreeDeletion.delete(root, "the fake index's storage");
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String user = user(exchange);
            if (exchange.getRequestMethod().equals("POST") && trimmed(path).equals(trimmed(kind.uploadPath()))) {
                upload(exchange, user);
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith(kind.simplePath())) {
                FakePyPI.drain(exchange);
                simple(exchange, user, path.substring(kind.simplePath().length()).replaceAll("/+$", ""));
            } else {
                FakePyPI.drain(exchange);
                text(exchange, 404, "Not Found");
            }
        }
    }

    private void upload(HttpExchange exchange, String user) throws IOException {
        Account account = user == null ? null : accounts.get(user);
        if (account == null || !account.password().equals(password(exchange))) {
            FakePyPI.drain(exchange);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + kind.name() + "\"");
            text(exchange, 401, "Unauthorized");
            return;
        }
        if (!account.upload()) {
            FakePyPI.drain(exchange);
            text(exchange, 403, "Forbidden: user '" + user + "' may not upload to this repository");
            return;
        }
        String boundary = MultipartFormParser.boundaryOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            FakePyPI.drain(exchange);
            text(exchange, 400, "Bad Request: not a multipart form");
            return;
        }
        ParsedForm form;
        try (var body = exchange.getRequestBody()) {
            form = MultipartFormParser.parse(body, boundary, root, 100 * FakePyPI.ONE_MIB);
        } catch (UploadRejected | MultipartFormParser.TextFieldTooLarge e) {
            text(exchange, 400, "Bad Request: " + e.getMessage());
            return;
        }
        if (!nextUploadAnswers.isEmpty()) {
            Answer answer = nextUploadAnswers.remove(0);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            text(exchange, answer.status(), answer.body());
            return;
        }
        if (!"file_upload".equals(FormFields.value(form.fields(), ":action")) || form.content() == null) {
            text(exchange, 400, "Bad Request: not a file upload");
            return;
        }
        String filename = form.content().filename();
        synchronized (stored) {
            if (stored.containsKey(filename)) {
                Files.deleteIfExists(form.content().path());
                respond(exchange, kind.duplicateStatus(), kind.duplicateContentType(),
                        kind.duplicateBody().replace("%s", filename));
                return;
            }
            Files.move(form.content().path(), root.resolve(filename), StandardCopyOption.REPLACE_EXISTING);
            stored.put(filename, form.content().sha256());
        }
        text(exchange, 200, "OK");
    }

    /** PEP 503 HTML, as these indexes serve it; a login is needed unless the kind reads anonymously. */
    private void simple(HttpExchange exchange, String user, String project) throws IOException {
        Account account = user == null ? null : accounts.get(user);
        boolean loggedIn = account != null && account.password().equals(password(exchange));
        if (!loggedIn && (user != null || !kind.anonymousRead())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + kind.name() + "\"");
            text(exchange, 401, "Unauthorized");
            return;
        }
        String normalized = PyNames.canonicalize(project);
        List<Map.Entry<String, String>> found;
        synchronized (stored) {
            found = stored.entrySet().stream().filter(e -> PyNames.canonicalize(e.getKey().split("-")[0])
                    .equals(normalized)).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }
        if (found.isEmpty()) {
            text(exchange, 404, "Not Found");
            return;
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        for (Map.Entry<String, String> file : found) {
            html.append("<a href=\"../../packages/").append(file.getKey()).append("#sha256=").append(file.getValue())
                    .append("\">").append(file.getKey()).append("</a><br/>\n");
        }
        respond(exchange, 200, "text/html", html.append("</body></html>\n").toString());
    }

    private void text(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, "text/plain; charset=utf-8", body);
    }

    /** Records the request, then answers it: a client that has its answer always finds the record. */
    private void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), user(exchange),
                status));
        FakePyPI.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String trimmed(String path) {
        return path.replaceAll("/+$", "");
    }

    private static String user(HttpExchange exchange) {
        String[] pair = basic(exchange);
        return pair == null ? null : pair[0];
    }

    private static String password(HttpExchange exchange) {
        String[] pair = basic(exchange);
        return pair == null ? null : pair[1];
    }

    private static String[] basic(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
