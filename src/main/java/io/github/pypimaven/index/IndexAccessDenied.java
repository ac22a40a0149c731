package io.github.pypimaven.index;

/** The index's simple API refused to answer (401 or 403): the credentials sent, or their absence, are not enough. */
public class IndexAccessDenied extends IndexQueryException {

    private final int status;

    public IndexAccessDenied(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
