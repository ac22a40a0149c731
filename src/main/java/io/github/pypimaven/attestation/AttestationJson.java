package io.github.pypimaven.attestation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of an attestation, as PyPI's upload form and {@code <file>.publish.attestation} files hold it: snake
 * case at the top, the Sigstore protobuf JSON (camel case, int64 as strings) for the transparency entries, standard
 * base64 with padding and no line breaks for bytes. Reading is strict about what the checks need and ignores unknown
 * fields, as PyPI does.
 */
public final class AttestationJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private AttestationJson() {}

    public static String write(Attestation attestation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", Attestation.VERSION);
        ObjectNode material = root.putObject("verification_material");
        material.put("certificate", B64.encodeToString(attestation.certificate()));
        ArrayNode entries = material.putArray("transparency_entries");
        attestation.transparencyEntries().forEach(e -> entries.add(entry(e)));
        ObjectNode envelope = root.putObject("envelope");
        envelope.put("statement", B64.encodeToString(attestation.statement()));
        envelope.put("signature", B64.encodeToString(attestation.signature()));
        return root.toString();
    }

    /** The upload form's {@code attestations} field: a JSON array of attestation objects. */
    public static String writeArray(List<Attestation> attestations) {
        return array(attestations.stream().map(AttestationJson::write).toList());
    }

    /**
     * The upload form's {@code attestations} field from attestation objects as JSON text, each uploaded exactly as
     * written (e.g. the content of a {@code .attestation} file another tool made, which was read successfully).
     */
    public static String array(List<String> objects) {
        return "[" + String.join(",", objects.stream().map(String::strip).toList()) + "]";
    }

    private static ObjectNode entry(TransparencyEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("logIndex", Long.toString(e.logIndex()));
        node.putObject("logId").put("keyId", B64.encodeToString(e.logKeyId()));
        node.putObject("kindVersion").put("kind", e.kind()).put("version", e.version());
        node.put("integratedTime", Long.toString(e.integratedTime()));
        if (e.signedEntryTimestamp().length > 0) {
            node.putObject("inclusionPromise").put("signedEntryTimestamp", B64.encodeToString(e.signedEntryTimestamp()));
        }
        e.inclusionProof().ifPresent(p -> {
            ObjectNode proof = node.putObject("inclusionProof");
            proof.put("logIndex", Long.toString(p.logIndex()));
            proof.put("rootHash", B64.encodeToString(p.rootHash()));
            proof.put("treeSize", Long.toString(p.treeSize()));
            ArrayNode hashes = proof.putArray("hashes");
            p.hashes().forEach(h -> hashes.add(B64.encodeToString(h)));
            proof.putObject("checkpoint").put("envelope", p.checkpoint());
        });
        node.put("canonicalizedBody", B64.encodeToString(e.canonicalizedBody()));
        return node;
    }

    /** Reads one attestation object; {@code origin} names it in messages (e.g. the file it came from). */
    public static Attestation read(String json, String origin) throws AttestationException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(origin, "it is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            JsonNode version = root.get("version");
            if (version == null || !version.isIntegralNumber() || version.asInt() != Attestation.VERSION) {
                throw new IllegalArgumentException("'version' must be the number 1");
            }
            JsonNode material = object(root, "verification_material");
            JsonNode envelope = object(root, "envelope");
            JsonNode entries = material.get("transparency_entries");
            if (entries == null || !entries.isArray() || entries.isEmpty()) {
                throw new IllegalArgumentException("'verification_material.transparency_entries' must be a non-empty"
                        + " list");
            }
            List<TransparencyEntry> parsed = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                parsed.add(entry(entries.get(i), "verification_material.transparency_entries[" + i + "]"));
            }
            return new Attestation(bytes(material, "verification_material", "certificate"), parsed,
                    bytes(envelope, "envelope", "statement"), bytes(envelope, "envelope", "signature"));
        } catch (IllegalArgumentException e) {
            throw malformed(origin, e.getMessage());
        }
    }

    private static TransparencyEntry entry(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + at + "' must be an object");
        }
        Optional<TransparencyEntry.InclusionProof> proof = Optional.empty();
        if (node.hasNonNull("inclusionProof")) {
            JsonNode p = node.get("inclusionProof");
            String in = at + ".inclusionProof";
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode hash : p.path("hashes")) {
                hashes.add(decode(hash, in + ".hashes"));
            }
            proof = Optional.of(new TransparencyEntry.InclusionProof(int64(p, in, "logIndex"), bytes(p, in, "rootHash"),
                    int64(p, in, "treeSize"), hashes, text(p.path("checkpoint"), in + ".checkpoint", "envelope")));
        }
        JsonNode promise = node.path("inclusionPromise");
        byte[] set = promise.hasNonNull("signedEntryTimestamp")
                ? bytes(promise, at + ".inclusionPromise", "signedEntryTimestamp") : new byte[0];
        JsonNode kindVersion = node.path("kindVersion");
        return new TransparencyEntry(int64(node, at, "logIndex"), bytes(node.path("logId"), at + ".logId", "keyId"),
                text(kindVersion, at + ".kindVersion", "kind"), text(kindVersion, at + ".kindVersion", "version"),
                int64(node, at, "integratedTime"), set, proof, bytes(node, at, "canonicalizedBody"));
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("'" + field + "' must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + at + "." + field + "' must be a string");
        }
        return value.asText();
    }

    /** Protobuf JSON writes int64 as a string and reads either form. */
    private static long int64(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        try {
            if (value != null && (value.isIntegralNumber() || value.isTextual())) {
                long parsed = value.isTextual() ? Long.parseLong(value.asText()) : value.asLong();
                if (parsed >= 0) {
                    return parsed;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + at + "." + field + "' must be a non-negative integer");
    }

    private static byte[] bytes(JsonNode node, String at, String field) {
        return decode(node.get(field), at + "." + field);
    }

    private static byte[] decode(JsonNode value, String name) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + name + "' must be a base64 string");
        }
        try {
            // The strict decoder: line breaks (a MIME encoder's output) are refused, as PyPI refuses them.
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not valid base64 (standard alphabet, padded, one"
                    + " line)");
        }
    }

    private static AttestationException malformed(String origin, String detail) {
        return new AttestationException(AttestationStep.FORMAT, "The attestation " + origin
                + " is not a valid PEP 740 attestation: " + detail + ".");
    }
}
