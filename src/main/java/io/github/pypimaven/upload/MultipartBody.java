package io.github.pypimaven.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The {@code multipart/form-data} body of one upload, framed as browsers, requests and twine frame it: a text part
 * carries only its {@code Content-Disposition} and no {@code filename=} (Warehouse refuses a text field sent as a file
 * part), the file part its file name and {@code application/octet-stream}; values are UTF-8. Everything around the
 * file is prepared as bytes once (an upload's framing costs nothing per retry, and a release of hundreds of files pays
 * for no general MIME library). The file itself is a {@link StreamedFile}: read from disk in chunks with an exact
 * Content-Length, so the whole file is never in memory and nothing is chunked. Digest fields that follow the file are
 * written from the hashing of the bytes just sent; their length (hex of a fixed-size digest) is known in advance, so
 * the Content-Length stays exact.
 */
public final class MultipartBody extends AbstractHttpEntity {

    private static final char[] BOUNDARY_CHARACTERS =
            "-_1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final byte[] CRLF = {'\r', '\n'};

    private final byte[] beforeFile;
    private final StreamedFile file;
    private final List<LateField> afterFile;
    private final byte[] end;
    private final long length;

    private MultipartBody(String boundary, byte[] beforeFile, StreamedFile file, List<LateField> afterFile) {
        super("multipart/form-data; boundary=" + boundary, null, false);
        this.beforeFile = beforeFile;
        this.file = file;
        this.afterFile = List.copyOf(afterFile);
        this.end = ascii("\r\n--" + boundary + "--\r\n");
        long total = beforeFile.length + file.size() + end.length;
        for (LateField field : afterFile) {
            total += field.header.length + field.length + CRLF.length;
        }
        this.length = total;
    }

    /** @param progress told how many file bytes have been written so far */
    public static MultipartBody of(UploadForm form, LongConsumer progress) throws IOException {
        String boundary = boundary();
        String delimiter = "--" + boundary + "\r\n";
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : form.fields()) {
            head.writeBytes(ascii(delimiter + "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"));
            head.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
            head.writeBytes(CRLF);
        }
        StreamedFile file = new StreamedFile(form.file(), Files.size(form.file()), progress, form.digestsAfterFile());
        head.writeBytes(ascii(delimiter + "Content-Disposition: form-data; name=\"" + UploadForm.FILE_FIELD
                + "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        List<LateField> late = new ArrayList<>();
        form.digestsAfterFile().ifPresent(digests -> {
            late.add(new LateField(boundary, "sha256_digest", 64, () -> file.sent().sha256()));
            if (digests.md5()) {
                late.add(new LateField(boundary, "md5_digest", 32, () -> file.sent().md5().orElseThrow()));
            }
        });
        return new MultipartBody(boundary, head.toByteArray(), file, late);
    }

    /**
     * 30 to 40 random characters that no line of the parts can be mistaken for, as browsers and HttpClient choose them
     * (not from a SecureRandom: nothing about a boundary is secret, and seeding one costs more than the whole framing).
     */
    private static String boundary() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] boundary = new char[30 + random.nextInt(11)];
        for (int i = 0; i < boundary.length; i++) {
            boundary[i] = BOUNDARY_CHARACTERS[random.nextInt(BOUNDARY_CHARACTERS.length)];
        }
        return new String(boundary);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(beforeFile);
        file.writeTo(out);
        for (LateField field : afterFile) {
            out.write(CRLF);
            out.write(field.header);
            field.writeValue(out);
        }
        out.write(end);
        out.flush();
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true; // each write reads the file again: a retry sends it whole
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("An upload body is only written, never read back");
    }

    @Override
    public void close() {
        // nothing held between writes
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A text part after the file, of known length, whose value is known only when it is written. */
    private static final class LateField {

        private final byte[] header;
        private final int length;
        private final Supplier<String> value;

        LateField(String boundary, String name, int length, Supplier<String> value) {
            this.header = ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            this.length = length;
            this.value = value;
        }

        void writeValue(OutputStream out) throws IOException {
            byte[] bytes = value.get().getBytes(StandardCharsets.US_ASCII);
            if (bytes.length != length) {
                throw new IOException("A digest of " + bytes.length + " characters where " + length + " were announced");
            }
            out.write(bytes);
        }
    }
}
