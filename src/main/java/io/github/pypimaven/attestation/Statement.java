package io.github.pypimaven.attestation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The in-toto Statement v1 a PyPI publish attestation signs: one subject (the exact file name and its lower-case
 * sha256), the publish predicate type and a null predicate. It is serialized once, compactly and in the field order
 * pypi-attestations uses; those bytes are what gets signed and uploaded, never a re-serialization.
 */
public final class Statement {

    public static final String TYPE = "https://in-toto.io/Statement/v1";
    public static final String PUBLISH_PREDICATE = "https://docs.pypi.org/attestations/publish/v1";
    public static final String SLSA_PROVENANCE_PREDICATE = "https://slsa.dev/provenance/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Statement() {}

    /** The statement bytes for a publish attestation of {@code subject}. */
    public static byte[] publish(AttestationSubject subject) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("_type", TYPE);
        ObjectNode entry = statement.putArray("subject").addObject();
        entry.put("name", subject.fileName());
        entry.putObject("digest").put("sha256", subject.sha256());
        statement.put("predicateType", PUBLISH_PREDICATE);
        statement.putNull("predicate");
        try {
            return JSON.writeValueAsBytes(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A statement of plain strings could not be serialized", e);
        }
    }
}
