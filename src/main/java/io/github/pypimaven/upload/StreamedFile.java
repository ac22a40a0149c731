package io.github.pypimaven.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * The file part of an upload: streamed from disk in 64 KiB chunks each time the body is written (so a retry sends it
 * again), reporting progress, and refusing to send a file whose size changed since the Content-Length was announced.
 */
final class StreamedFile extends AbstractContentBody {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long size;
    private final LongConsumer progress;

    StreamedFile(Path file, long size, LongConsumer progress) {
        super(ContentType.APPLICATION_OCTET_STREAM);
        this.file = file;
        this.size = size;
        this.progress = progress;
    }

    @Override
    public String getFilename() {
        return file.getFileName().toString();
    }

    @Override
    public long getContentLength() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (sent + n > size) {
                    break;
                }
                out.write(buffer, 0, n);
                sent += n;
                progress.accept(sent);
            }
        }
        if (sent != size || Files.size(file) != size) {
            throw new IOException(file + " changed size while it was being uploaded (" + size + " bytes announced, "
                    + Files.size(file) + " now); rebuild it and publish again");
        }
    }
}
