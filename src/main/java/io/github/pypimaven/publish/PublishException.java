package io.github.pypimaven.publish;

/** Publishing stopped; the message is complete, names the file or setting concerned, and holds no secret. */
public class PublishException extends Exception {

    public PublishException(String message) {
        super(message);
    }
}
