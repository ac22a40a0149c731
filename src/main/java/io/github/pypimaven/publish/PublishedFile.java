package io.github.pypimaven.publish;

/**
 * A file the index now has.
 *
 * @param alreadyPresent true when a local index already had the identical file (a remote index does not say)
 */
public record PublishedFile(String filename, long size, String sha256, boolean alreadyPresent) {}
