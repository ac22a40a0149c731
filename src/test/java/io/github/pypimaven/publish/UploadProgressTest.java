package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadProgressTest {

    private static final long GIB = 1L << 30;

    private final MovableClock clock = new MovableClock();
    private final List<String> lines = new ArrayList<>();

    @Test
    void aLongUploadLogsALineEveryFewSecondsWithPercentThroughputAndTimeLeft() {
        UploadProgress progress = new UploadProgress("big-1.0-py3-none-any.whl", GIB, true, clock, lines::add);
        progress.start();
        progress.sent(GIB / 100);
        assertEquals(List.of(), lines, "nothing before the interval has passed");

        clock.advance(UploadProgress.INTERVAL);
        progress.sent(GIB / 4);
        clock.advance(Duration.ofSeconds(1));
        progress.sent(GIB / 3);
        clock.advance(UploadProgress.INTERVAL);
        progress.sent(GIB / 2);

        assertEquals(2, lines.size(), String.valueOf(lines));
        assertTrue(lines.get(0).matches("  big-1\\.0-py3-none-any\\.whl: 25% of 1\\.0 GiB, [0-9.]+ MiB/s, about 1[456] s"
                + " left"), lines.get(0));
        assertTrue(lines.get(1).startsWith("  big-1.0-py3-none-any.whl: 50% of 1.0 GiB, "), lines.get(1));
        assertTrue(progress.done("").startsWith("Uploaded big-1.0-py3-none-any.whl (1.0 GiB in "),
                progress.done(""));
    }

    @Test
    void quietWhereMavensTransferProgressIsOff() {
        UploadProgress progress = new UploadProgress("big-1.0-py3-none-any.whl", GIB, false, clock, lines::add);
        progress.start();
        for (int i = 1; i < 10; i++) {
            clock.advance(UploadProgress.INTERVAL);
            progress.sent(GIB / 10 * i);
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void aRetryStartsTheClockAgain() {
        UploadProgress progress = new UploadProgress("big-1.0-py3-none-any.whl", GIB, true, clock, lines::add);
        progress.start();
        clock.advance(Duration.ofMinutes(10));
        progress.start();
        progress.sent(GIB / 2);
        assertEquals(List.of(), lines, "the interval counts from the new attempt");
    }
}
