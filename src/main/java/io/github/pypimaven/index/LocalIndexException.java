package io.github.pypimaven.index;

/** Publishing to a local index failed; the message says which file, why, and what to do. */
public class LocalIndexException extends Exception {

    public LocalIndexException(String message) {
        super(message);
    }

    public LocalIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
