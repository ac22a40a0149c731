package io.github.pypimaven.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A {@code multipart/form-data} body with the text fields first and the file last, streamed from disk with an
 * exact Content-Length: the whole file is never in memory, and nothing is sent chunked.
 *
 * <p>Text parts carry no {@code filename=} (Warehouse refuses a text field sent as a file part), the file part
 * carries its file name and {@code application/octet-stream}.
 */
public final class MultipartBody extends AbstractHttpEntity {

    private static final int BUFFER = 64 * 1024;

    private final String boundary;
    private final byte[] head;
    private final Path file;
    private final long fileSize;
    private final byte[] tail;
    private final LongConsumer progress;

    private MultipartBody(String boundary, byte[] head, Path file, long fileSize, byte[] tail, LongConsumer progress) {
        super("multipart/form-data; boundary=" + boundary, null, false);
        this.boundary = boundary;
        this.head = head;
        this.file = file;
        this.fileSize = fileSize;
        this.tail = tail;
        this.progress = progress;
    }

    /**
     * @param fields the text fields in order; repeated names are repeated parts
     * @param fileField the name of the file part ({@code content} for PyPI)
     * @param file the file to stream
     * @param progress told how many file bytes have been written so far
     */
    public static MultipartBody of(List<Map.Entry<String, String>> fields, String fileField, Path file, LongConsumer progress)
            throws IOException {
        String boundary = "----pypi-maven-plugin-" + randomHex();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            write(head, "--" + boundary + "\r\n");
            write(head, "Content-Disposition: form-data; name=\"" + quote(field.getKey()) + "\"\r\n\r\n");
            write(head, field.getValue());
            write(head, "\r\n");
        }
        String filename = file.getFileName().toString();
        write(head, "--" + boundary + "\r\n");
        write(head, "Content-Disposition: form-data; name=\"" + quote(fileField) + "\"; filename=\"" + quote(filename) + "\"\r\n");
        write(head, "Content-Type: application/octet-stream\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return new MultipartBody(boundary, head.toByteArray(), file, Files.size(file), tail, progress);
    }

    private static String randomHex() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Field names and file names are ours or PEP 427/625 names; escape quotes and line breaks all the same. */
    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    public String boundary() {
        return boundary;
    }

    @Override
    public long getContentLength() {
        return head.length + fileSize + tail.length;
    }

    @Override
    public InputStream getContent() throws IOException {
        throw new UnsupportedOperationException("MultipartBody is written with writeTo, never read");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                sent += n;
                progress.accept(sent);
            }
        }
        if (sent != fileSize) {
            throw new IOException(file + " changed size while it was being uploaded (" + fileSize + " bytes expected, "
                    + sent + " read)");
        }
        out.write(tail);
        out.flush();
    }

    @Override
    public boolean isRepeatable() {
        return true; // the file is re-opened for every attempt
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held open between writes
    }
}
