package io.github.pypimaven.testing.pypi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming multipart/form-data (RFC 7578) parser. The {@code content} file part goes straight to a temp file while
 * its sha256 and md5 are computed, so memory use does not depend on the file size; text parts are kept as strings.
 */
final class MultipartFormParser {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final long MAX_TEXT_BYTES = 32L * 1024 * 1024;

    private final InputStream in;
    private final byte[] delimiter; // CRLF "--" boundary
    private final int[] shift; // see indexOfDelimiter
    private final byte[] buf;
    private int start;
    private int end;
    private boolean eof;

    private MultipartFormParser(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.shift = shifts(delimiter);
        this.buf = new byte[BUFFER + delimiter.length];
        // The first boundary has no CRLF before it; pretend it has, so one delimiter search handles every boundary.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** Extracts the boundary parameter of a multipart/form-data Content-Type, or null when it is not one. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        String b = HeaderParams.parse(contentType).get("boundary");
        return b == null || b.isEmpty() || b.length() > 200 ? null : b;
    }

    /**
     * Reads the whole body. {@code maxContentBytes} bounds what is written to disk for the content part; the rest is
     * still read (and hashed) so the client gets a proper response instead of a reset connection.
     */
    static ParsedForm parse(InputStream body, String boundary, Path tempDir, long maxContentBytes)
            throws IOException, UploadRejected {
        return new MultipartFormParser(body, boundary).parseAll(tempDir, maxContentBytes);
    }

    /**
     * Reads the whole body, keeping the text fields and only the sha256 and size of the content part (for a benchmark
     * sink: nothing is written, no MD5 is computed).
     */
    static ParsedForm parseDiscarding(InputStream body, String boundary) throws IOException, UploadRejected {
        return new MultipartFormParser(body, boundary).parseAll(null, Long.MAX_VALUE);
    }

    /** {@code tempDir} null: the content part is hashed (sha256 only) and dropped. */
    private ParsedForm parseAll(Path tempDir, long maxContentBytes) throws IOException, UploadRejected {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        List<String> fileFields = new ArrayList<>();
        ReceivedFile content = null;
        long textBytes = 0;
        if (!skipTo(OutputStream.nullOutputStream())) {
            throw malformed("the body does not start with the boundary from the Content-Type header");
        }
        while (!afterBoundaryIsLast()) {
            Map<String, String> headers = readPartHeaders();
            String disposition = headers.get("content-disposition");
            if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
                throw malformed("a part has no 'Content-Disposition: form-data' header");
            }
            Map<String, String> params = HeaderParams.parse(disposition);
            String name = params.get("name");
            if (name == null) {
                throw malformed("a part has no name in its Content-Disposition header");
            }
            String filename = params.get("filename");
            if (filename != null && name.equals("content") && content == null) {
                content = receiveFile(tempDir, filename, headers.get("content-type"), maxContentBytes);
            } else if (filename != null) {
                fileFields.add(name);
                requireDelimiter(OutputStream.nullOutputStream());
            } else {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                requireDelimiter(new CappedOutputStream(value, MAX_TEXT_BYTES - textBytes, name));
                textBytes += value.size();
                fields.add(new AbstractMap.SimpleImmutableEntry<>(name, value.toString(StandardCharsets.UTF_8)));
            }
        }
        return new ParsedForm(List.copyOf(fields), List.copyOf(fileFields), content);
    }

    private ReceivedFile receiveFile(Path tempDir, String filename, String contentType, long max)
            throws IOException, UploadRejected {
        if (tempDir == null) {
            return hashOnly(filename, contentType);
        }
        Path path = Files.createTempFile(tempDir, "upload-", ".part");
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        long[] size = {0};
        try (OutputStream file = Files.newOutputStream(path)) {
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha256.update(b, off, len);
                    md5.update(b, off, len);
                    long room = Math.max(0, max - size[0]);
                    file.write(b, off, (int) Math.min(len, room));
                    size[0] += len;
                }
            };
            requireDelimiter(sink);
        } catch (IOException | UploadRejected | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        HexFormat hex = HexFormat.of();
        return new ReceivedFile(filename, contentType, path, size[0], hex.formatHex(sha256.digest()),
                hex.formatHex(md5.digest()), size[0] > max);
    }

    private ReceivedFile hashOnly(String filename, String contentType) throws IOException, UploadRejected {
        MessageDigest sha256 = digest("SHA-256");
        long[] size = {0};
        requireDelimiter(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha256.update(b, off, len);
                size[0] += len;
            }
        });
        return new ReceivedFile(filename, contentType, null, size[0], HexFormat.of().formatHex(sha256.digest()), null,
                false);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    /** After a delimiter: "--" ends the body, otherwise (optional padding and) CRLF starts a part. */
    private boolean afterBoundaryIsLast() throws IOException, UploadRejected {
        fill(2);
        if (end - start >= 2 && buf[start] == '-' && buf[start + 1] == '-') {
            start += 2;
            in.transferTo(OutputStream.nullOutputStream()); // the epilogue, if any, means nothing
            return true;
        }
        while (true) {
            fill(2);
            if (end - start < 2) {
                throw malformed("the body ends in the middle of a boundary line");
            }
            if (buf[start] == '\r' && buf[start + 1] == '\n') {
                start += 2;
                return false;
            }
            if (buf[start] != ' ' && buf[start] != '\t') {
                throw malformed("unexpected bytes after a boundary");
            }
            start++;
        }
    }

    private Map<String, String> readPartHeaders() throws IOException, UploadRejected {
        Map<String, String> headers = new java.util.HashMap<>();
        int total = 0;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                fill(2);
                if (end - start < 2) {
                    throw malformed("the body ends inside the headers of a part");
                }
                if (buf[start] == '\r' && buf[start + 1] == '\n') {
                    start += 2;
                    break;
                }
                line.write(buf[start++]);
                if (++total > MAX_HEADER_BYTES) {
                    throw malformed("the headers of a part are longer than " + MAX_HEADER_BYTES + " bytes");
                }
            }
            if (line.size() == 0) {
                return headers;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part header line has no ':' (" + text + ")");
            }
            headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
        }
    }

    private void requireDelimiter(OutputStream sink) throws IOException, UploadRejected {
        if (!skipTo(sink)) {
            throw malformed("the body ends before the closing boundary (was the Content-Length too small?)");
        }
    }

    /** Copies bytes to {@code sink} up to the next delimiter and consumes it; false at end of stream. */
    private boolean skipTo(OutputStream sink) throws IOException {
        while (true) {
            fill(delimiter.length);
            int at = indexOfDelimiter();
            if (at >= 0) {
                sink.write(buf, start, at - start);
                start = at + delimiter.length;
                return true;
            }
            // Keep a tail that might be the start of a delimiter split across reads.
            int safeEnd = Math.max(start, end - (delimiter.length - 1));
            sink.write(buf, start, safeEnd - start);
            start = safeEnd;
            if (eof) {
                return false;
            }
            compact();
            readSome();
        }
    }

    /**
     * The first delimiter in the unread bytes, found Horspool's way: the byte under the delimiter's last position says
     * how far the delimiter may move, so most bytes of a file part are never looked at. (A byte-by-byte scan cost the
     * benchmark sink as much CPU as hashing, on the cores the client being timed runs on.)
     */
    private int indexOfDelimiter() {
        int last = delimiter.length - 1;
        for (int i = start; i + last < end; i += shift[buf[i + last] & 0xff]) {
            if (buf[i + last] == delimiter[last] && matchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int i) {
        for (int j = 0; j < delimiter.length - 1; j++) {
            if (buf[i + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Horspool's shifts: for each byte value, how far the delimiter may move when that byte is under its end. */
    private static int[] shifts(byte[] delimiter) {
        int[] shift = new int[256];
        Arrays.fill(shift, delimiter.length);
        for (int j = 0; j < delimiter.length - 1; j++) {
            shift[delimiter[j] & 0xff] = delimiter.length - 1 - j;
        }
        return shift;
    }

    /** Makes at least {@code n} unread bytes available unless the stream ends first. */
    private void fill(int n) throws IOException {
        while (end - start < n && !eof) {
            compact();
            readSome();
        }
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private void readSome() throws IOException {
        if (end == buf.length) {
            return;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private static UploadRejected malformed(String why) {
        return UploadRejected.badRequest("Malformed multipart/form-data body: " + why + ".");
    }

    /** Guards memory: text fields are held as strings, so their total size is bounded. */
    private static final class CappedOutputStream extends OutputStream {
        private final OutputStream out;
        private final long cap;
        private final String field;
        private long written;

        CappedOutputStream(OutputStream out, long cap, String field) {
            this.out = out;
            this.cap = cap;
            this.field = field;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > cap) {
                throw new TextFieldTooLarge(field);
            }
            out.write(b, off, len);
        }
    }

    /** Thrown through the OutputStream API when text fields exceed their memory budget. */
    static final class TextFieldTooLarge extends IOException {
        TextFieldTooLarge(String field) {
            super("The text fields of this upload exceed " + MAX_TEXT_BYTES / (1024 * 1024) + " MiB (at field '"
                    + field + "'); only the 'content' part may be large.");
        }
    }
}
