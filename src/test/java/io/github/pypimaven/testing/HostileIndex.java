package io.github.pypimaven.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An index that answers every request with the same crafted answer, as a compromised or hostile index might: the
 * body may echo what the client sent ({@code {authorization}} is replaced by the Authorization header,
 * {@code {credentials}} by its decoded Basic value), and may carry line breaks, workflow commands and Markdown.
 */
public final class HostileIndex implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 403;
    private volatile String contentType = "text/plain; charset=utf-8";
    private volatile String body = "Forbidden";

    private HostileIndex(HttpServer server) {
        this.server = server;
    }

    public static HostileIndex start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        HostileIndex index = new HostileIndex(server);
        server.createContext("/", exchange -> {
            index.requests.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String credentials = "";
            if (authorization != null && authorization.startsWith("Basic ")) {
                credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            }
            byte[] answer = index.body.replace("{authorization}", authorization == null ? "" : authorization)
                    .replace("{credentials}", credentials).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", index.contentType);
            exchange.sendResponseHeaders(index.status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return index;
    }

    /** Every answer from now on. */
    public HostileIndex answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    public String uploadUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/legacy/";
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
