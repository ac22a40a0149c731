package io.github.pypimaven.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the log says about one upload: a line every few seconds while a long upload runs (percent, throughput, time
 * left), so a long CI step visibly moves, and one line when it is done. Each line is whole and names its file, so
 * uploads running side by side never interleave fragments. Plain log lines, no terminal tricks: CI logs are files.
 * The lines during the upload are transfer progress, and stay quiet where Maven's own are ({@code -ntp}).
 */
final class UploadProgress {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(UploadProgress.class);

    private final String filename;
    private final long size;
    private final boolean transferProgress;
    private final Clock clock;
    private final Consumer<String> lines;
    private Instant started;
    private Instant lastLine;

    /** Logging progress lines at INFO, timed by the system clock. */
    UploadProgress(String filename, long size, boolean transferProgress) {
        this(filename, size, transferProgress, Clock.systemUTC(), LOG::info);
    }

    /**
     * @param transferProgress whether to log progress during the upload (off under {@code -ntp})
     * @param lines            where the progress lines go
     */
    UploadProgress(String filename, long size, boolean transferProgress, Clock clock, Consumer<String> lines) {
        this.filename = filename;
        this.size = size;
        this.transferProgress = transferProgress;
        this.clock = clock;
        this.lines = lines;
    }

    /** An attempt starts (again, on a retry). */
    synchronized void start() {
        started = clock.instant();
        lastLine = started;
        LOG.debug("Uploading {} ({})", filename, Sizes.human(size));
    }

    /** {@code bytes} of the file have been sent in this attempt. */
    synchronized void sent(long bytes) {
        if (!transferProgress || bytes >= size) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(lastLine, now).compareTo(INTERVAL) < 0) {
            return;
        }
        lastLine = now;
        double seconds = seconds(now);
        double rate = bytes / seconds;
        long left = (long) Math.ceil((size - bytes) / Math.max(rate, 1));
        lines.accept("  " + filename + ": " + bytes * 100 / size + "% of " + Sizes.human(size) + ", "
                + Sizes.human((long) rate) + "/s, about " + duration(left) + " left");
    }

    /** The line that says the file is on the index. */
    synchronized String done(String what) {
        double seconds = seconds(clock.instant());
        return "Uploaded " + filename + what + " (" + Sizes.human(size) + " in "
                + Sizes.oneDecimal(seconds) + " s" + ", " + Sizes.human((long) (size / seconds)) + "/s)";
    }

    private double seconds(Instant now) {
        return Math.max(Duration.between(started, now).toNanos() / 1e9, 0.001);
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
