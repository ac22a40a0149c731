package io.github.pypimaven.distribution;

/**
 * A distribution file that cannot be read or may not be uploaded. The message is meant for the user as is: it names
 * the file and says what is wrong and what to do, so callers print it without a stack trace.
 *
 * <p>Unchecked so that callers can read files in streams and lambdas; the publishing code catches it at the goal
 * boundary and turns it into a build failure.
 */
public class DistributionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DistributionException(String message) {
        super(message);
    }

    public DistributionException(String message, Throwable cause) {
        super(message, cause);
    }
}
