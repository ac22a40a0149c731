package io.github.pypimaven.upload;

import java.time.Duration;
import java.util.Optional;

/** How one attempt to send a file ended. */
sealed interface UploadOutcome {

    /**
     * The index answered.
     *
     * @param retryAfter the wait its {@code Retry-After} header asked for, on a 429 or 503 answer
     */
    record Answered(int status, String location, String contentType, String body, Optional<Duration> retryAfter)
            implements UploadOutcome {

        Answered(int status, String location, String contentType, String body) {
            this(status, location, contentType, body, Optional.empty());
        }

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        String serverMessage() {
            return ServerMessage.extract(status, contentType, body);
        }
    }

    /** No answer: the connection failed or broke; worth another attempt. */
    record NoAnswer(String error) implements UploadOutcome {}

    /** The TLS handshake failed: a certificate problem, which another attempt does not fix; what to do included. */
    record TlsFailure(String error) implements UploadOutcome {}

    /** Whether another attempt may succeed: lost connections and an overloaded index's answers. */
    default boolean retryable() {
        if (this instanceof Answered answered) {
            return RetryPolicy.isRetryableStatus(answered.status());
        }
        return this instanceof NoAnswer;
    }

    /** One line for the retry warning. */
    default String summary() {
        if (this instanceof Answered answered) {
            String message = answered.serverMessage();
            return "HTTP " + answered.status() + (message.isEmpty() ? "" : ": " + message);
        }
        return this instanceof NoAnswer noAnswer ? noAnswer.error() : ((TlsFailure) this).error();
    }
}
