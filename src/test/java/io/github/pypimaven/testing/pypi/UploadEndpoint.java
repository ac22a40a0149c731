package io.github.pypimaven.testing.pypi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request to {@code /legacy} or {@code /legacy/}: routing, Warehouse's upload pipeline, and its record. */
final class UploadEndpoint {

    private static final String API_ENDPOINT_PAGE = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
            + "  <meta charset=\"utf-8\">\n  <title>Warehouse · The Python Package Index</title>\n</head>\n<body>\n"
            + "  <h1>API endpoint</h1>\n  <p>This URL is an API endpoint for uploading files to PyPI.</p>\n"
            + "  <p>For more information on uploading projects to PyPI, visit the Python Packaging User Guide.</p>\n"
            + "</body>\n</html>\n";
    private static final String INVALID_AUTH = "Invalid or non-existent authentication information. "
            + "See https://pypi.org/help/#invalid-auth for more information.";
    private static final String PASSWORD_AUTH = "Username/Password authentication is no longer supported. "
            + "Migrate to API Tokens or Trusted Publishers instead. See https://pypi.org/help/#apitoken "
            + "and https://pypi.org/help/#trusted-publishers";

    private final FakePyPI pypi;
    private final HttpExchange exchange;
    private final String method;
    private final String path;
    private final Instant started = Instant.now();
    private String authUser;
    private String token;
    private List<Map.Entry<String, String>> fields = List.of();
    private ReceivedFile content;

    UploadEndpoint(FakePyPI pypi, HttpExchange exchange) {
        this.pypi = pypi;
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = exchange.getRequestURI().getPath();
    }

    void handle() throws IOException {
        readAuthorization();
        try {
            if (!method.equals("POST")) {
                FakePyPI.drain(exchange);
                exchange.getResponseHeaders().set("Allow", "POST");
                fail(405, "The method " + method + " is not allowed for this resource.");
            } else if (path.equals("/legacy")) {
                FakePyPI.drain(exchange);
                exchange.getResponseHeaders().set("Location", pypi.uploadUrl());
                fail(308, "An upload was attempted to /legacy but the expected upload URL is /legacy/ "
                        + "(with a trailing slash)");
            } else {
                post();
            }
        } catch (RuntimeException | IOException e) {
            // A bug in the fake, or a broken connection: still answer (if possible) and keep the record.
            fail(500, "Fake PyPI internal error: " + e);
        } finally {
            if (content != null && content.path() != null) {
                Files.deleteIfExists(content.path());
            }
        }
    }

    private void post() throws IOException {
        String transferEncoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
        if (transferEncoding != null || exchange.getRequestHeaders().getFirst("Content-Length") == null) {
            // As a WSGI stack behind PyPI's CDN would: the body must come with an exact Content-Length.
            FakePyPI.drain(exchange);
            fail(411, "A request body with an exact Content-Length is required; chunked uploads are not accepted.");
            return;
        }
        Map<String, List<String>> query = FakePyPI.queryParams(exchange.getRequestURI().getRawQuery());
        try {
            String boundary = MultipartFormParser.boundaryOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            ParsedForm form;
            if (boundary == null) {
                FakePyPI.drain(exchange);
                form = new ParsedForm(List.of(), List.of(), null);
            } else {
                try (var body = exchange.getRequestBody()) {
                    form = pypi.isSink() ? MultipartFormParser.parseDiscarding(body, boundary)
                            : MultipartFormParser.parse(body, boundary, pypi.incomingDir(), pypi.maxFileSizeValue());
                }
            }
            fields = form.fields();
            content = form.content();
            pypi.simulateProcessing();
            UploadRejected injected = pypi.takeInjectedFailure(content == null ? null : content.filename());
            if (injected != null) {
                fail(injected.status(), injected.getMessage());
                return;
            }
            String action = action(query);
            if (pypi.isSink() && "file_upload".equals(action)) {
                sink();
                return;
            }
            switch (action == null ? "" : action) {
                case "file_upload" -> fileUpload(form);
                case "submit", "submit_pkg_info" -> fail(410, "Project pre-registration is no longer required or "
                        + "supported, upload your files instead.");
                case "doc_upload" -> fail(410, "Uploading documentation is no longer supported, we recommend using "
                        + "https://readthedocs.org/.");
                default -> {
                    // Warehouse's catch-all view: a 200 HTML page, though nothing was uploaded.
                    record(200, "No valid :action: served the HTML 'API endpoint' page, stored nothing");
                    FakePyPI.send(exchange, 200, "text/html; charset=UTF-8",
                            API_ENDPOINT_PAGE.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (UploadRejected e) {
            fail(e.status(), e.getMessage());
        } catch (MultipartFormParser.TextFieldTooLarge e) {
            FakePyPI.drain(exchange);
            fail(400, e.getMessage());
        }
    }

    /** Like Pyramid's {@code request.params}: the query string, then the form body. */
    private String action(Map<String, List<String>> query) {
        List<String> fromQuery = query.get(":action");
        if (fromQuery != null) {
            return fromQuery.get(0);
        }
        return FormFields.value(fields, ":action");
    }

    private void fileUpload(ParsedForm form) throws UploadRejected, IOException {
        fields = sanitize(fields);
        for (String field : form.fileFields()) {
            if (!field.equals("gpg_signature")) {
                throw UploadRejected.badRequest(field + ": Should not be a tuple.");
            }
        }
        Instant expiry = authenticate();
        UploadForm upload = UploadFormRules.validate(fields);
        if (content == null) {
            throw UploadRejected.badRequest("Upload payload does not have a file.");
        }
        // Warehouse verifies the token's caveats (expiry among them) only at the permission check, here.
        if (!Instant.now().isBefore(expiry)) {
            throw UploadRejected.forbidden("Invalid API Token: token is expired");
        }
        String filename = content.filename();
        DistFilenameRules.checkCharactersAndExtension(filename, upload.filetype());
        String type = content.contentType();
        if (type == null || type.isEmpty() || type.toLowerCase(Locale.ROOT).startsWith("image/")) {
            throw UploadRejected.badRequest("Invalid distribution file.");
        }
        long limit = pypi.maxFileSizeValue();
        if (content.truncated()) {
            throw UploadRejected.badRequest("File too large. Limit for project " + PyRepr.of(upload.name()) + " is "
                    + limit / FakePyPI.ONE_MIB + " MB. See https://docs.pypi.org/project-management/storage-limits"
                    + "#requesting-a-file-size-limit-increase for more information.");
        }
        checkDigests(upload);
        UploadRejected fileProblem = fileProblem(upload);
        List<String> attestations = FormFields.values(fields, "attestations");
        // WebOb's request.POST["attestations"] is the last value of the field
        UploadRejected attestationProblem = AttestationRules.problem(attestations.isEmpty() ? null
                : attestations.get(attestations.size() - 1), pypi.publisherOf(token), filename, content.sha256());
        boolean added = pypi.storeIfAllowed(content, upload, fields, fileProblem, attestationProblem);
        // Recorded before answering, so a client that got its response always finds the record.
        record(200, added ? "OK" : "OK: identical file already exists, nothing changed");
        FakePyPI.send(exchange, 200, "text/html; charset=UTF-8", new byte[0]);
    }

    /** A benchmark sink's upload: authenticated, its sha256 checked, nothing stored (see {@link FakePyPI#sink}). */
    private void sink() throws UploadRejected, IOException {
        authenticate();
        if (content == null) {
            throw UploadRejected.badRequest("Upload payload does not have a file.");
        }
        String sha256 = FormFields.value(fields, "sha256_digest");
        if (sha256 == null || !sha256.toLowerCase(Locale.ROOT).equals(content.sha256())) {
            throw UploadRejected.badRequest(
                    "The digest supplied does not match a digest calculated from the uploaded file.");
        }
        record(200, "OK (sink: digest checked, nothing stored)");
        FakePyPI.send(exchange, 200, "text/html; charset=UTF-8", new byte[0]);
    }

    /** Warehouse's {@code sanitize}: drops a field whose last value is UNKNOWN, escapes NUL characters. */
    private static List<Map.Entry<String, String>> sanitize(List<Map.Entry<String, String>> fields) {
        Map<String, String> last = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields) {
            last.put(e.getKey(), e.getValue());
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        java.util.Set<String> escapedKeys = new java.util.HashSet<>();
        for (Map.Entry<String, String> e : fields) {
            String lastValue = last.get(e.getKey());
            if (lastValue.strip().equals("UNKNOWN")) {
                continue;
            }
            if (lastValue.contains("\0")) {
                // WebOb replaces every value of the key with the escaped last one: keep that one, once.
                if (escapedKeys.add(e.getKey())) {
                    out.add(FakePyPI.entry(e.getKey(), lastValue.replace("\0", "\\x00")));
                }
                continue;
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    private void readAuthorization() {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return;
        }
        String[] parts = header.strip().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String credentials = parts.length > 1 ? parts[1].strip() : "";
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                authUser = colon < 0 ? decoded : decoded.substring(0, colon);
                if (authUser.equals("__token__") && colon >= 0) {
                    token = decoded.substring(colon + 1).strip();
                }
            } catch (IllegalArgumentException e) {
                authUser = null;
            }
        } else if (scheme.equals("token") || scheme.equals("bearer")) {
            token = credentials;
        }
    }

    /** The identity check of {@code ensure_uploads_allowed}; returns the token's expiry. */
    private Instant authenticate() throws UploadRejected {
        if (authUser != null && !authUser.equals("__token__")) {
            throw UploadRejected.forbidden(PASSWORD_AUTH);
        }
        Instant expiry = pypi.tokenExpiry(token);
        if (expiry == null) {
            throw UploadRejected.forbidden(INVALID_AUTH);
        }
        return expiry;
    }

    private void checkDigests(UploadForm upload) throws UploadRejected {
        // blake2_256 cannot be checked (the JDK has no BLAKE2); it is recorded with the other fields.
        boolean md5Wrong = upload.md5Digest() != null && !upload.md5Digest().toLowerCase(Locale.ROOT).equals(content.md5());
        boolean sha256Wrong = upload.sha256Digest() != null
                && !upload.sha256Digest().toLowerCase(Locale.ROOT).equals(content.sha256());
        if (md5Wrong || sha256Wrong) {
            throw UploadRejected.badRequest(
                    "The digest supplied does not match a digest calculated from the uploaded file.");
        }
    }

    /** Archive validity, then the filename and content rules of the file type, in Warehouse's order. */
    private UploadRejected fileProblem(UploadForm upload) {
        String filename = content.filename();
        String reason = DistArchiveRules.invalidReason(content.path(), filename);
        if (reason != null) {
            return UploadRejected.badRequest("Invalid distribution file. " + reason);
        }
        try {
            if (upload.filetype().equals("sdist")) {
                DistFilenameRules.checkSdistName(filename, upload.name(), upload.version());
                DistArchiveRules.checkSdistLicenseFiles(content.path(), filename, upload.licenseFiles());
            }
            if (filename.endsWith(".whl")) {
                DistFilenameRules.checkWheelName(filename, upload.name(), upload.version());
                DistArchiveRules.checkWheelContents(content.path(), filename, upload.licenseFiles());
            }
            return null;
        } catch (UploadRejected e) {
            return e;
        }
    }

    private void fail(int status, String message) {
        record(status, message);
        try {
            FakePyPI.sendError(exchange, status, message);
        } catch (IOException e) {
            // The client went away (or the response had started); the request is recorded all the same.
        }
    }

    private void record(int status, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                name.equalsIgnoreCase("Authorization") ? "<redacted>" : String.join(", ", values)));
        pypi.record(new UploadRequest(method, path, Map.copyOf(headers), authUser, token, fields,
                content == null ? null : content.filename(), content == null ? null : content.contentType(),
                content == null ? 0 : content.size(), content == null ? null : content.sha256(), status, message,
                started, Instant.now(), exchange.getRemoteAddress().getPort()));
    }
}
