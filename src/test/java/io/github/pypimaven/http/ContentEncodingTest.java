package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.pypimaven.testing.Flood;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only identity and gzip: with commons-compress on the class path, HttpClient would otherwise offer (and inflate) lz4,
 * bzip2, pack200, deflate64..., each a way for a server to make a small answer huge.
 */
class ContentEncodingTest {

    @AutoClose
    private final CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults());

    @Test
    void asksForGzipOnly() throws Exception {
        try (Flood answer = Flood.of(10, 200, "text/plain").serve()) {
            http.execute(new HttpGet(answer.url("/")), response -> EntityUtils.toString(response.getEntity()));
            assertEquals(List.of("gzip, x-gzip"), answer.acceptEncodings());
        }
    }

    @Test
    void decodesGzip() throws Exception {
        try (Encoded server = new Encoded("gzip", gzip("hello"))) {
            assertEquals("hello", http.execute(new HttpGet(server.url()), r -> EntityUtils.toString(r.getEntity())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deflate", "br", "zstd", "bzip2", "xz", "lz4-framed", "lz4-block", "pack200", "deflate64"})
    void refusesAnyOtherEncoding(String encoding) throws Exception {
        try (Encoded server = new Encoded(encoding, deflate("hello"))) {
            IOException e = assertThrows(IOException.class,
                    () -> http.execute(new HttpGet(server.url()), r -> EntityUtils.toString(r.getEntity())));
            assertTrue(String.valueOf(e.getMessage()).contains("Unsupported Content-Encoding: " + encoding),
                    String.valueOf(e.getMessage()));
        }
    }

    /** Answers every request with a fixed body under a given Content-Encoding. */
    private static final class Encoded implements AutoCloseable {
        private final HttpServer server;

        Encoded(String encoding, byte[] body) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "text/plain");
                    exchange.getResponseHeaders().set("Content-Encoding", encoding);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
