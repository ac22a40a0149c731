package io.github.pypimaven.testing.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pypimaven.distribution.FileDigests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One upload request to a {@link FakePyPI}, built field by field, sent as multipart/form-data with an exact
 * Content-Length (the tests' one way to talk to the fake's upload endpoint).
 */
final class TestUpload {

    static final String CLIENT_ACCEPT = "application/json;q=0.9, text/plain;q=0.8, text/html;q=0.7";

    private final FakePyPI pypi;
    private final HttpClient http;
    final List<String[]> parts = new ArrayList<>(); // {name, value, filename-or-null}
    String filename;
    byte[] content;
    String contentType = "application/octet-stream";
    String authorization;
    String accept = CLIENT_ACCEPT;
    String path = "/legacy/";

    TestUpload(FakePyPI pypi, HttpClient http, String token) {
        this.pypi = pypi;
        this.http = http;
        this.authorization = basic("__token__", token);
    }

    /** A file upload with the form fields of a metadata 2.1 distribution with a summary, and both digests. */
    static TestUpload file(FakePyPI pypi, HttpClient http, String token, String name, String version, String filetype,
            String filename, byte[] bytes) {
        FileDigests.Values digests;
        try {
            digests = FileDigests.read(new ByteArrayInputStream(bytes), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestUpload u = new TestUpload(pypi, http, token)
                .field(":action", "file_upload").field("protocol_version", "1")
                .field("metadata_version", "2.1").field("name", name).field("version", version)
                .field("filetype", filetype).field("pyversion", filetype.equals("sdist") ? "source" : "py3")
                .field("summary", "A tiny test distribution")
                .field("sha256_digest", digests.sha256()).field("md5_digest", digests.md5().orElseThrow());
        u.filename = filename;
        u.content = bytes;
        return u;
    }

    TestUpload field(String name, String value) {
        parts.add(new String[] {name, value, null});
        return this;
    }

    TestUpload fileField(String name, String value, String partFilename) {
        parts.add(new String[] {name, value, partFilename});
        return this;
    }

    TestUpload set(String name, String value) {
        parts.removeIf(p -> p[0].equals(name));
        return field(name, value);
    }

    TestUpload without(String name) {
        parts.removeIf(p -> p[0].equals(name));
        return this;
    }

    byte[] body(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] p : parts) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[2] == null ? "" : "; filename=\"" + p[2] + "\"") + "\r\n\r\n" + p[1] + "\r\n");
        }
        if (content != null) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                    + filename + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "\r\n");
            out.writeBytes(content);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    HttpRequest.Builder request() {
        String boundary = "fakepypi-test-boundary-7MA4YWxkTrZu0gW";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pypi.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return b;
    }

    HttpResponse<String> send() throws IOException, InterruptedException {
        return http.send(request().build(), HttpResponse.BodyHandlers.ofString());
    }

    static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The message of a JSON error body: Pyramid's "code" is "<status> <message>". */
    static String code(HttpResponse<String> response) {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""), response.body());
        String body = response.body();
        int start = body.indexOf("\"code\": \"") + 9;
        return body.substring(start, body.indexOf("\", \"title\"", start));
    }

    static void assertRejected(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(status + " " + message, code(response));
    }
}
