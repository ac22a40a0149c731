package io.github.pypimaven.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarding HTTP proxy on loopback, for plain-http targets (absolute-URI requests), with optional Basic proxy
 * authentication (407 until the right {@code Proxy-Authorization} comes). Each forwarded request goes to the target
 * on a connection of its own, with {@code Connection: close}, and the answer is piped back as it comes (its head saying
 * {@code Connection: close} too, as the proxy closes the client's connection after it).
 *
 * <p>Every target is a fake server on this machine, so the proxy connects to loopback at the target's port whatever
 * its host name: a test names a host that only the proxy can reach (e.g. {@code pypi.proxied.test}, a reserved name
 * that never resolves), so a request that reached the server without the proxy is impossible, not just unrecorded.
 */
public final class FakeProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    private FakeProxy(ServerSocket server, String user, String password) {
        this.server = server;
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::accept, "fake-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param user null for a proxy without authentication */
    public static FakeProxy start(int port, String user, String password) throws IOException {
        return new FakeProxy(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), user, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Request lines forwarded to their target, e.g. {@code POST http://127.0.0.1:1234/legacy/}. */
    public List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    /** Request lines answered with 407. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Every request line that reached the proxy, forwarded or refused, in arrival order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "fake-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String requestLine = head.get(0);
                received.add(requestLine);
                long length = 0;
                String authorization = null;
                List<String> headers = new ArrayList<>();
                for (String header : head.subList(1, head.size())) {
                    String name = header.substring(0, Math.max(header.indexOf(':'), 0)).strip().toLowerCase();
                    String value = header.substring(header.indexOf(':') + 1).strip();
                    if (name.equals("content-length")) {
                        length = Long.parseLong(value);
                    }
                    if (name.equals("proxy-authorization")) {
                        authorization = value;
                    } else if (!name.equals("connection") && !name.startsWith("proxy-")) {
                        headers.add(header);
                    }
                }
                if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                    in.skipNBytes(length);
                    refused.add(requestLine);
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"fake-proxy\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                forward(requestLine, headers, in, length, out);
                return; // the target closes after one answer; so do we
            }
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to report in a test proxy
        }
    }

    private void forward(String requestLine, List<String> headers, InputStream in, long length, OutputStream out)
            throws IOException {
        String[] parts = requestLine.split(" ");
        URI target = URI.create(parts[1]);
        forwarded.add(parts[0] + " " + parts[1]);
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.getPort())) {
            OutputStream up = upstream.getOutputStream();
            StringBuilder head = new StringBuilder(parts[0] + " " + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " " + parts[2] + "\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] buffer = new byte[64 * 1024];
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                up.write(buffer, 0, n);
                left -= n;
            }
            up.flush();
            // The answer's head says "Connection: close", as this proxy closes after it: a client reusing the
            // connection for its next request would find it gone.
            InputStream answer = upstream.getInputStream();
            List<String> answerHead = readHead(answer);
            if (answerHead.isEmpty()) {
                return;
            }
            StringBuilder rewritten = new StringBuilder(answerHead.get(0) + "\r\n");
            answerHead.subList(1, answerHead.size()).stream()
                    .filter(h -> !h.toLowerCase().startsWith("connection:") && !h.toLowerCase().startsWith("keep-alive:"))
                    .forEach(h -> rewritten.append(h).append("\r\n"));
            rewritten.append("Connection: close\r\n\r\n");
            out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            answer.transferTo(out);
            out.flush();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }
}
