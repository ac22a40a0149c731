package io.github.pypimaven.attestation;

import java.net.URI;

/**
 * A distribution file's new, verified attestation, with where its log entry can be seen.
 *
 * @param logIndex the Rekor log index, for the build log and the CI summary
 * @param entryUrl a link to the log entry
 */
public record AttestedFile(AttestationSubject subject, Attestation attestation, long logIndex, URI entryUrl) {

    /** The attestation's JSON, for the upload form and for {@code <file>.publish.attestation}. */
    public String json() {
        return AttestationJson.write(attestation);
    }
}
