package io.github.pypimaven.index;

/** An index could not be asked what it has; the message names the index and the cause. */
public class IndexQueryException extends Exception {

    public IndexQueryException(String message) {
        super(message);
    }
}
