package io.github.pypimaven.trust;

/**
 * Trusted Publishing could not produce a token. The message is the complete diagnosis for the user,
 * possibly several lines long; it never contains a token.
 */
public class TrustedPublishingException extends Exception {

    private static final long serialVersionUID = 1L;

    public TrustedPublishingException(String message) {
        super(message);
    }

    public TrustedPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
