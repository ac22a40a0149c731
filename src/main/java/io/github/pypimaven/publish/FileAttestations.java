package io.github.pypimaven.publish;

import io.github.pypimaven.attestation.AttestationJson;
import java.util.List;

/**
 * The verified attestations one file is uploaded with.
 *
 * @param json    each attestation object as JSON text, as it is uploaded
 * @param entries where each is recorded, in the same order
 */
record FileAttestations(List<String> json, List<AttestationLogEntry> entries) {

    FileAttestations {
        json = List.copyOf(json);
        entries = List.copyOf(entries);
    }

    /** The upload form's {@code attestations} field. */
    String formField() {
        return AttestationJson.array(json);
    }
}
