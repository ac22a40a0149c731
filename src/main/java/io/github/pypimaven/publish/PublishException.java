package io.github.pypimaven.publish;

/** Publishing stopped; the message is complete, names the file or setting concerned, and holds no secret. */
public class PublishException extends Exception {

    private final boolean reportedToCi;

    public PublishException(String message) {
        this(message, false);
    }

    /** @param reportedToCi whether the failure was already shown as a CI annotation, so it is not shown twice */
    public PublishException(String message, boolean reportedToCi) {
        super(message);
        this.reportedToCi = reportedToCi;
    }

    public boolean reportedToCi() {
        return reportedToCi;
    }
}
