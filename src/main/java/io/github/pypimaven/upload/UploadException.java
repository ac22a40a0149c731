package io.github.pypimaven.upload;

/** An upload the index did not accept; the message is complete and safe to show (it never holds a token). */
public class UploadException extends Exception {

    private static final long serialVersionUID = 1L;

    public UploadException(String message) {
        super(message);
    }
}
