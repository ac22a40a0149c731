package io.github.pypimaven.testing.pypi;

/** A refusal the fake PyPI sends back as a Pyramid-style error: a status and Warehouse's message. */
final class UploadRejected extends Exception {

    private final int status;

    UploadRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static UploadRejected badRequest(String message) {
        return new UploadRejected(400, message);
    }

    static UploadRejected forbidden(String message) {
        return new UploadRejected(403, message);
    }

    int status() {
        return status;
    }
}
