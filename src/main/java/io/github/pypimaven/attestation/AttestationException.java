package io.github.pypimaven.attestation;

/**
 * Making or checking an attestation failed. The message is complete and meant for the user: it names the step, what
 * went wrong and what to do. It never holds a token or a server's raw answer (server text goes through
 * {@link SigstoreHttp#excerpt}).
 */
public class AttestationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final AttestationStep step;

    public AttestationException(AttestationStep step, String message) {
        super(message);
        this.step = step;
    }

    public AttestationException(AttestationStep step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    /** A verification failure of {@code file}: "The attestation of X fails the <step> check: detail." */
    static AttestationException verification(AttestationStep step, String file, String detail) {
        return new AttestationException(step, "The attestation of " + file + " fails the " + step.label()
                + " check: " + detail + ".");
    }

    public AttestationStep step() {
        return step;
    }
}
