package io.github.pypimaven.upload;

/** An upload the index did not accept; the message is complete and safe to show (it never holds a token). */
public class UploadException extends Exception {

    private final int status;

    public UploadException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the last answer, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
