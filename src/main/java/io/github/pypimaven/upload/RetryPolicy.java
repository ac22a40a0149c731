package io.github.pypimaven.upload;

import java.time.Duration;

/**
 * How often a failed upload is tried again, and how long to wait in between (doubling each time).
 *
 * <p>Only failures that say nothing about the file are retried: lost connections and the 5xx, 408 and 429 answers
 * of an overloaded index. Re-sending is safe on PyPI, which accepts an identical file again with 200.
 */
public record RetryPolicy(int attempts, Duration firstDelay) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("uploadAttempts (pypi.uploadAttempts) must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(2));
    }

    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    Duration delayBefore(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 5));
    }
}
