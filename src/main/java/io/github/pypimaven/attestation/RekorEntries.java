package io.github.pypimaven.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Rekor v1 entry ({@code body}, {@code integratedTime}, hex {@code logID}, {@code logIndex},
 * {@code verification}) into the transparency entry an attestation carries: hex becomes bytes, the kind and version
 * come from the body itself.
 */
final class RekorEntries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private RekorEntries() {}

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    static TransparencyEntry fromV1(JsonNode entry) {
        byte[] body = base64(entry, "body");
        JsonNode decoded;
        try {
            decoded = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        String kind = decoded == null ? "" : decoded.path("kind").asText("");
        String version = decoded == null ? "" : decoded.path("apiVersion").asText("");
        JsonNode verification = entry.path("verification");
        byte[] set = verification.hasNonNull("signedEntryTimestamp") ? base64(verification, "signedEntryTimestamp")
                : new byte[0];
        Optional<TransparencyEntry.InclusionProof> proof = Optional.empty();
        if (verification.hasNonNull("inclusionProof")) {
            JsonNode p = verification.get("inclusionProof");
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode hash : p.path("hashes")) {
                hashes.add(hex(hash.asText(), "inclusionProof.hashes"));
            }
            proof = Optional.of(new TransparencyEntry.InclusionProof(number(p, "logIndex"),
                    hex(text(p, "rootHash"), "inclusionProof.rootHash"), number(p, "treeSize"), hashes,
                    text(p, "checkpoint")));
        }
        return new TransparencyEntry(number(entry, "logIndex"), hex(text(entry, "logID"), "logID"), kind, version,
                number(entry, "integratedTime"), set, proof, body);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text field '" + field + "'");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("no non-negative integer field '" + field + "'");
        }
        return value.asLong();
    }

    private static byte[] base64(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the field '" + field + "' is not base64");
        }
    }

    private static byte[] hex(String text, String field) {
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the field '" + field + "' is not hex");
        }
    }
}
