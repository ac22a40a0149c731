package io.github.pypimaven.credentials;

/** No usable credentials; the message says which setting to change. It never holds a token. */
public class CredentialsException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    /** @param cause what failed underneath, e.g. a {@code TrustedPublishingException} */
    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
