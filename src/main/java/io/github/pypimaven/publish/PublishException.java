package io.github.pypimaven.publish;

/**
 * Publishing stopped; the message is complete, names the file or setting concerned, and holds no secret. The stage
 * says which step failed, which is all CI reporting needs to know to show it well.
 */
public class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The step that failed. */
    public enum Stage {
        /** Reading and checking the files, or the configuration that names them. */
        CHECK,
        /** Comparing the release with what the index already has. */
        INDEX,
        /** Choosing credentials: none configured, or contradictory settings. */
        CREDENTIALS,
        /** Exchanging the CI identity for an upload token. */
        TRUSTED_PUBLISHING,
        /** Making or checking the files' attestations (PEP 740), before any upload. */
        ATTESTATION,
        /** Sending a file to the index. */
        UPLOAD,
        /** Writing into a local index directory. */
        LOCAL_INDEX
    }

    private final Stage stage;

    /** A failure while reading and checking the release, before anything is sent. */
    public PublishException(String message) {
        this(Stage.CHECK, message, null);
    }

    public PublishException(Stage stage, String message) {
        this(stage, message, null);
    }

    public PublishException(Stage stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
