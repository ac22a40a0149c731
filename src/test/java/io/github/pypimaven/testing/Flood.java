package io.github.pypimaven.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * An answer far larger than any the plugin needs, as a hostile or broken server (or a proxy in its place) would send:
 * {@code bytes} spaces, streamed in chunks, optionally gzip-compressed (a "gzip bomb": a few hundred KiB on the wire).
 * It records what it can tell about its client: the {@code Accept-Encoding} it asked for, and how much of the answer
 * the server managed to write before the client hung up (a client that reads on, or drains the rest to reuse the
 * connection, takes it all).
 *
 * <p>A handler, so it can answer one path of another fake ({@code server.createContext("/_/oidc/audience", flood)}),
 * or, with {@link #serve()}, every path of a server of its own on loopback.
 */
public final class Flood implements HttpHandler, AutoCloseable {

    private static final int BLOCK = 64 * 1024;

    private final long bytes;
    private final int status;
    private final String contentType;
    private final boolean gzip;
    private final AtomicLong written = new AtomicLong();
    private final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private Flood(long bytes, int status, String contentType, boolean gzip) {
        this.bytes = bytes;
        this.status = status;
        this.contentType = contentType;
        this.gzip = gzip;
    }

    /** {@code bytes} spaces, uncompressed. */
    public static Flood of(long bytes, int status, String contentType) {
        return new Flood(bytes, status, contentType, false);
    }

    /** {@code bytes} spaces, gzip-compressed ({@code Content-Encoding: gzip}). */
    public static Flood gzipped(long bytes, int status, String contentType) {
        return new Flood(bytes, status, contentType, true);
    }

    /** Starts a server on loopback that answers every path with this flood. */
    public Flood serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this);
        server.start();
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The answer's bytes (before compression) the server wrote before the client went away or the end came. */
    public long written() {
        return written.get();
    }

    /** The whole answer (before compression). */
    public long size() {
        return bytes;
    }

    /** The {@code Accept-Encoding} header of every request, in order ("" when absent). */
    public List<String> acceptEncodings() {
        return List.copyOf(acceptEncodings);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            acceptEncodings.add(accepted == null ? "" : accepted);
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(status, 0); // chunked: the client cannot see the size in advance
            byte[] block = new byte[BLOCK];
            Arrays.fill(block, (byte) ' ');
            OutputStream body = exchange.getResponseBody();
            try (OutputStream out = gzip ? new GZIPOutputStream(body, BLOCK) : body) {
                for (long left = bytes; left > 0; left -= BLOCK) {
                    int n = (int) Math.min(BLOCK, left);
                    out.write(block, 0, n);
                    written.addAndGet(n);
                }
            }
        } catch (IOException clientWentAway) {
            // the point of the exercise: a client that stops reading closes the connection
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
