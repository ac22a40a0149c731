package io.github.pypimaven.testing.pypi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Read-only views of the accepted files, for clients that look before or after uploading: the simple index
 * ({@code /simple/<project>/}, PEP 691 JSON or PEP 503 HTML) and the files themselves ({@code /files/<filename>}).
 */
final class IndexEndpoint {

    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    private final FakePyPI pypi;
    private final HttpExchange exchange;

    IndexEndpoint(FakePyPI pypi, HttpExchange exchange) {
        this.pypi = pypi;
        this.exchange = exchange;
    }

    void handle() throws IOException {
        FakePyPI.drain(exchange);
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            // What PyPI answers a client that posts to the index URL instead of the upload URL.
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            FakePyPI.sendError(exchange, 405, "The method " + method + " is not allowed for this resource.");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/files/")) {
            serveFile(path.substring("/files/".length()));
        } else {
            serveProject(path.substring("/simple/".length()).replaceAll("/+$", ""));
        }
    }

    private void serveFile(String filename) throws IOException {
        StoredFile file = pypi.files().get(filename);
        if (file == null) {
            FakePyPI.sendError(exchange, 404, "The resource could not be found.");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, file.size() == 0 ? -1 : file.size());
        try (var out = exchange.getResponseBody()) {
            Files.copy(file.path(), out);
        }
    }

    private void serveProject(String project) throws IOException {
        if (project.isEmpty() || project.contains("/") || !PyNames.isValid(project)) {
            FakePyPI.sendError(exchange, 404, "The resource could not be found.");
            return;
        }
        String normalized = PyNames.canonicalize(project);
        if (!normalized.equals(project)) {
            // PyPI redirects to the normalized name.
            exchange.getResponseHeaders().set("Location", pypi.baseUrl() + "/simple/" + normalized + "/");
            FakePyPI.send(exchange, 301, "text/plain", new byte[0]);
            return;
        }
        List<StoredFile> found = pypi.files().values().stream()
                .filter(f -> f.name() != null && PyNames.canonicalize(f.name()).equals(normalized)).toList();
        if (found.isEmpty()) {
            FakePyPI.sendError(exchange, 404, "The resource could not be found.");
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains(SIMPLE_JSON)) {
            StringBuilder json = new StringBuilder("{\"meta\": {\"api-version\": \"1.1\"}, \"name\": ")
                    .append(PyramidErrorPage.jsonString(normalized)).append(", \"files\": [");
            for (int i = 0; i < found.size(); i++) {
                StoredFile f = found.get(i);
                json.append(i == 0 ? "" : ", ").append("{\"filename\": ").append(PyramidErrorPage.jsonString(f.filename()))
                        .append(", \"url\": ").append(PyramidErrorPage.jsonString(fileUrl(f)))
                        .append(", \"hashes\": {\"sha256\": \"").append(f.sha256()).append("\"}, \"size\": ")
                        .append(f.size()).append('}');
            }
            json.append("]}");
            FakePyPI.send(exchange, 200, SIMPLE_JSON, json.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Links for ")
                    .append(normalized).append("</title></head><body><h1>Links for ").append(normalized).append("</h1>\n");
            for (StoredFile f : found) {
                html.append("<a href=\"").append(PyramidErrorPage.escapeHtml(fileUrl(f))).append("#sha256=")
                        .append(f.sha256()).append("\">").append(PyramidErrorPage.escapeHtml(f.filename()))
                        .append("</a><br/>\n");
            }
            html.append("</body></html>\n");
            FakePyPI.send(exchange, 200, "text/html; charset=UTF-8", html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private String fileUrl(StoredFile f) {
        return pypi.baseUrl() + "/files/" + java.net.URLEncoder.encode(f.filename(), StandardCharsets.UTF_8);
    }
}
