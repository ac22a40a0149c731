package io.github.pypimaven.upload;

import io.github.pypimaven.distribution.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The file part of an upload: streamed from disk in 256 KiB chunks each time the body is written (so a retry sends it
 * again), reporting progress, and refusing to send a file whose size changed since the Content-Length was announced.
 * When the digest fields follow the file, it hashes the bytes as it sends them, so the file is read once.
 */
final class StreamedFile {

    private static final int BUFFER = 256 * 1024;

    private final Path file;
    private final long size;
    private final LongConsumer progress;
    private final Optional<UploadForm.DigestsAfterFile> hashing;
    private volatile FileDigests.Values sent; // the digests of the bytes the last write sent

    StreamedFile(Path file, long size, LongConsumer progress, Optional<UploadForm.DigestsAfterFile> hashing) {
        this.file = file;
        this.size = size;
        this.progress = progress;
        this.hashing = hashing;
    }

    String filename() {
        return file.getFileName().toString();
    }

    long size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        Optional<FileDigests.FilePass> pass = hashing.map(h -> h.digests().pass(h.md5()));
        long written = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (written + n > size) {
                    break;
                }
                out.write(buffer, 0, n);
                if (pass.isPresent()) {
                    pass.get().update(buffer, 0, n);
                }
                written += n;
                progress.accept(written);
            }
        }
        if (written != size || Files.size(file) != size) {
            throw new IOException(file + " changed size while it was being uploaded (" + size + " bytes announced, "
                    + Files.size(file) + " now); rebuild it and publish again");
        }
        if (pass.isPresent()) {
            sent = pass.get().finish();
        }
    }

    /** The digests of what the last {@link #writeTo} sent; only when this part hashes. */
    FileDigests.Values sent() {
        if (sent == null) {
            throw new IllegalStateException("The digest fields were written before the file part");
        }
        return sent;
    }
}
