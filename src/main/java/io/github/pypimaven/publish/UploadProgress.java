package io.github.pypimaven.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of a large upload every 10%, so a long CI step visibly moves; small files log nothing here.
 * Plain log lines, no terminal tricks: CI logs are files.
 */
final class UploadProgress {

    private static final Logger LOG = LoggerFactory.getLogger(UploadProgress.class);
    private static final long LARGE = 10L * 1024 * 1024;

    private final String filename;
    private final long size;
    private long started;
    private int lastTenth;

    UploadProgress(String filename, long size) {
        this.filename = filename;
        this.size = size;
    }

    void start() {
        started = System.nanoTime();
        lastTenth = 0;
        LOG.info("Uploading {} ({})", filename, Sizes.human(size));
    }

    void sent(long bytes) {
        if (size < LARGE) {
            return;
        }
        int tenth = (int) (bytes * 10 / size);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
            LOG.info("  {}: {}% ({} of {}, {}/s)", filename, tenth * 10, Sizes.human(bytes), Sizes.human(size),
                    Sizes.human((long) (bytes / seconds)));
        }
    }
}
