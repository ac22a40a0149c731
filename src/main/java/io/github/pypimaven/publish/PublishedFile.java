package io.github.pypimaven.publish;

/**
 * A file the target now has.
 *
 * @param alreadyPresent true when it was there before this run, identical, so it was not sent or written again (a
 *     remote index says so through its simple API, a local index through its files)
 */
public record PublishedFile(String filename, long size, String sha256, boolean alreadyPresent) {}
