package io.github.pypimaven.publish;

import java.net.URI;

/**
 * Where an uploaded attestation is recorded: its transparency log index, and a link a person can open.
 *
 * @param logIndex the Rekor log index
 * @param url      Sigstore's search page for the entry (the public log), else the log's own API
 */
public record AttestationLogEntry(long logIndex, URI url) {

    @Override
    public String toString() {
        return "Rekor log index " + logIndex + ", " + url;
    }
}
