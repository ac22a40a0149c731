package io.github.pypimaven.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The {@code multipart/form-data} body of one upload, framed by HttpClient's {@link MultipartEntityBuilder} in its
 * browser-compatible mode, which writes what browsers, requests and twine write: a text part carries only its
 * {@code Content-Disposition} and no {@code filename=} (Warehouse refuses a text field sent as a file part), the
 * file part its file name and {@code application/octet-stream}. The file itself is a {@link StreamedFile}: read
 * from disk in chunks with an exact Content-Length, so the whole file is never in memory and nothing is chunked.
 * Digest fields that follow the file are written from the hashing of the bytes just sent; their length (hex of a
 * fixed-size digest) is known in advance, so the Content-Length stays exact.
 */
public final class MultipartBody {

    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    private MultipartBody() {}

    /** @param progress told how many file bytes have been written so far */
    public static HttpEntity of(UploadForm form, LongConsumer progress) throws IOException {
        MultipartEntityBuilder builder = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setContentType(ContentType.create("multipart/form-data"));
        for (Map.Entry<String, String> field : form.fields()) {
            builder.addTextBody(field.getKey(), field.getValue(), TEXT);
        }
        StreamedFile file = new StreamedFile(form.file(), Files.size(form.file()), progress, form.digestsAfterFile());
        builder.addPart(UploadForm.FILE_FIELD, file);
        form.digestsAfterFile().ifPresent(late -> {
            builder.addPart("sha256_digest", new LateText(64, () -> file.sent().sha256()));
            if (late.md5()) {
                builder.addPart("md5_digest", new LateText(32, () -> file.sent().md5().orElseThrow()));
            }
        });
        return builder.build();
    }

    /** A text part of known length whose value is known only when it is written (after the file part). */
    private static final class LateText extends AbstractContentBody {

        private final int length;
        private final Supplier<String> value;

        LateText(int length, Supplier<String> value) {
            super(TEXT);
            this.length = length;
            this.value = value;
        }

        @Override
        public String getFilename() {
            return null; // a form field, not a file
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] bytes = value.get().getBytes(StandardCharsets.US_ASCII);
            if (bytes.length != length) {
                throw new IOException("A digest of " + bytes.length + " characters where " + length + " were announced");
            }
            out.write(bytes);
        }
    }
}
