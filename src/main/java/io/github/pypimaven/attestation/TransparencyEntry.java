package io.github.pypimaven.attestation;

import java.util.List;
import java.util.Optional;

/**
 * A Rekor v1 log entry as a PEP 740 attestation carries it (Sigstore's {@code TransparencyLogEntry}). Byte fields are
 * the raw bytes; the JSON form (base64, int64 as strings) is {@link AttestationJson}'s job.
 *
 * @param logIndex            the global log index, as the SET signs it
 * @param logKeyId            SHA-256 of the log's public key (DER SubjectPublicKeyInfo)
 * @param kind                the entry kind, {@code dsse}
 * @param version             the entry kind's version, {@code 0.0.1}
 * @param integratedTime      when the log integrated the entry, in Unix seconds
 * @param signedEntryTimestamp the log's signature over the entry (the SET), empty when the log gave none
 * @param inclusionProof      the Merkle proof that the entry is in the log, empty until the log has one
 * @param canonicalizedBody   the entry body exactly as the log stores it
 */
public record TransparencyEntry(long logIndex, byte[] logKeyId, String kind, String version, long integratedTime,
        byte[] signedEntryTimestamp, Optional<InclusionProof> inclusionProof, byte[] canonicalizedBody) {

    /**
     * @param logIndex   the entry's index in the log shard the proof is about (not the global index)
     * @param rootHash   the root of the tree of {@code treeSize} entries
     * @param hashes     the audit path, leaf to root
     * @param checkpoint the log's signed note for that root
     */
    public record InclusionProof(long logIndex, byte[] rootHash, long treeSize, List<byte[]> hashes,
            String checkpoint) {

        public InclusionProof {
            hashes = List.copyOf(hashes);
        }
    }
}
