package io.github.pypimaven.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
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
 */
public final class MultipartBody {

    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(java.nio.charset.StandardCharsets.UTF_8);

    private MultipartBody() {}

    /**
     * @param fields the text fields in order; repeated names are repeated parts
     * @param fileField the name of the file part ({@code content} for PyPI)
     * @param file the file to stream, as the last part
     * @param progress told how many file bytes have been written so far
     */
    public static HttpEntity of(List<Map.Entry<String, String>> fields, String fileField, Path file,
            LongConsumer progress) throws IOException {
        MultipartEntityBuilder builder = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setContentType(ContentType.create("multipart/form-data"));
        for (Map.Entry<String, String> field : fields) {
            builder.addTextBody(field.getKey(), field.getValue(), TEXT);
        }
        builder.addPart(fileField, new StreamedFile(file, Files.size(file), progress));
        return builder.build();
    }
}
