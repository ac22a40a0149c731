package io.github.pypimaven.credentials;

/** No usable credentials; the message says which setting to change. It never holds a token. */
public class CredentialsException extends Exception {

    private final boolean reportedToCi;

    public CredentialsException(String message) {
        this(message, false);
    }

    /**
     * @param reportedToCi whether the failure was already shown as a CI annotation (Trusted Publishing does that
     *     itself), so that it is not shown twice
     */
    public CredentialsException(String message, boolean reportedToCi) {
        super(message);
        this.reportedToCi = reportedToCi;
    }

    public boolean reportedToCi() {
        return reportedToCi;
    }
}
