package io.github.pypimaven.upload;

import java.time.Duration;

/**
 * How often a failed upload is tried again, and how long to wait in between: what the index asked for with
 * {@code Retry-After} on 429 and 503 (up to {@code maxRetryAfter}), else a delay doubling each time.
 *
 * <p>Only failures that say nothing about the file are retried: lost connections and the 5xx, 408 and 429 answers
 * of an overloaded index. Re-sending is safe on PyPI, which accepts an identical file again with 200.
 *
 * @param maxRetryAfter the longest {@code Retry-After} wait honoured; a longer one is cut to it, with a warning
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxRetryAfter) {

    /** The most a build waits because an index said so: beyond that, re-running later is the better choice. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("uploadAttempts (pypi.uploadAttempts) must be at least 1");
        }
    }

    public RetryPolicy(int attempts, Duration firstDelay) {
        this(attempts, firstDelay, MAX_RETRY_AFTER);
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(2));
    }

    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Whether an answer's {@code Retry-After} decides the wait: Too Many Requests and Service Unavailable. */
    static boolean honoursRetryAfter(int status) {
        return status == 429 || status == 503;
    }

    Duration delayBefore(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 5));
    }
}
