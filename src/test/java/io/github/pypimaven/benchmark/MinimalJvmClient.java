package io.github.pypimaven.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The least a fresh JVM can do to publish the same files: for each, one multipart POST over a kept-alive plain socket,
 * the file read once and hashed (SHA-256) as it is sent, its digest after it; a few at a time. No checks, no HTTP
 * library, no Maven. Its time in the benchmark is the floor for any JVM client on that machine, the plugin included,
 * and shows what part of the plugin's time is the JVM's (start-up, class loading, compiling) rather than the plugin's.
 *
 * <pre>java -cp test-classes io.github.pypimaven.benchmark.MinimalJvmClient URL TOKEN PARALLEL FILE...</pre>
 */
public final class MinimalJvmClient {

    private MinimalJvmClient() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("__token__:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int parallel = Integer.parseInt(args[2]);
        Queue<Path> files = new ConcurrentLinkedQueue<>();
        for (int i = 3; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        List<Future<Void>> connections = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            connections.add(threads.submit(() -> {
                try (Socket socket = new Socket(url.getHost(), url.getPort())) {
                    // Each answer is read whole, so one buffer per connection never holds the start of another.
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (Path file; (file = files.poll()) != null; ) {
                        upload(out, in, url, authorization, file);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<Void> connection : connections) {
                connection.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static void upload(OutputStream out, InputStream in, URI url, String authorization, Path file)
            throws Exception {
        String boundary = "minimal" + System.nanoTime();
        String name = file.getFileName().toString();
        String[] parts = name.split("-");
        StringBuilder head = new StringBuilder();
        for (String[] field : new String[][] {{":action", "file_upload"}, {"protocol_version", "1"},
                {"name", parts[0]}, {"version", parts[1]}, {"filetype", "bdist_wheel"}, {"pyversion", parts[2]},
                {"metadata_version", "2.1"}}) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"content\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] digestHead = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"sha256_digest\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long size = Files.size(file);
        long length = before.length + size + digestHead.length + 64 + end.length;

        out.write(("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAuthorization: " + authorization + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(before);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[256 * 1024];
        try (InputStream content = Files.newInputStream(file)) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        }
        out.write(digestHead);
        out.write(HexFormat.of().formatHex(sha256.digest()).getBytes(StandardCharsets.US_ASCII));
        out.write(end);
        out.flush();
        readAnswer(in, name);
    }

    /** Reads one answer (status line, headers, a Content-Length body) and fails unless it is a 200. */
    private static void readAnswer(InputStream in, String name) throws IOException {
        String status = line(in);
        long length = 0;
        for (String header; !(header = line(in)).isEmpty(); ) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException(name + ": " + status);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("The connection closed in the middle of an answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
