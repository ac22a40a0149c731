package io.github.pypimaven.packaging;

/**
 * A problem with the project's configuration or sources that stops the build of a distribution. The message is
 * complete and meant for the user: it names the file, key or setting at fault and how to fix it.
 */
public class PackagingException extends Exception {

    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
