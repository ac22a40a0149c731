package io.github.pypimaven.publish;

import java.util.List;

/**
 * A file the target now has.
 *
 * @param alreadyPresent true when it was there before this run, identical, so it was not sent or written again (a
 *     remote index says so through its simple API, a local index through its files)
 * @param attestations where the attestations uploaded with it are logged; none when it was uploaded without
 */
public record PublishedFile(String filename, long size, String sha256, boolean alreadyPresent,
        List<AttestationLogEntry> attestations) {

    public PublishedFile {
        attestations = List.copyOf(attestations);
    }

    /** Without attestations. */
    public PublishedFile(String filename, long size, String sha256, boolean alreadyPresent) {
        this(filename, size, sha256, alreadyPresent, List.of());
    }
}
