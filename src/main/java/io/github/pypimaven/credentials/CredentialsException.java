package io.github.pypimaven.credentials;

/** No usable credentials; the message says which setting to change. It never holds a token. */
public class CredentialsException extends Exception {

    public CredentialsException(String message) {
        super(message);
    }
}
