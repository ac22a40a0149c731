package io.github.pypimaven.testing.sigstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake Rekor's log: its P-256 key and log id, the Merkle tree of canonical entry bodies, and the v1 answer for an
 * entry (SET, inclusion proof and checkpoint signed with the key, the checkpoint's signer named after the host).
 */
final class FakeRekorLog {

    /** The global index of the tree's first entry. */
    static final long SHARD_OFFSET = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final HexFormat HEX = HexFormat.of();

    /** An entry: its tree index, canonical body, integrated time, and how often it was read back. */
    record Stored(int index, byte[] body, long integratedTime, AtomicInteger gets) {}

    private final KeyPair key = FakeCertificateAuthority.keyPair("secp256r1");
    private final byte[] logId = sha256(new byte[0], key.getPublic().getEncoded());
    private final long treeId = 4_242_424_242L;
    private final Instant validFrom = Instant.now().minusSeconds(3600);
    private final MerkleTree tree = new MerkleTree();
    private final Map<String, Stored> entries = new ConcurrentHashMap<>();

    PublicKey publicKey() {
        return key.getPublic();
    }

    byte[] logId() {
        return logId.clone();
    }

    Instant validFrom() {
        return validFrom;
    }

    /** Adds a body to the tree; returns its entry UUID (tree id and leaf hash, as Rekor's). */
    String add(byte[] body, long integratedTime) {
        int index = tree.append(body);
        String uuid = String.format("%016x", treeId) + HEX.formatHex(sha256(new byte[] {0}, body));
        entries.put(uuid, new Stored(index, body, integratedTime, new AtomicInteger()));
        return uuid;
    }

    /** The entry, or null. */
    Stored find(String uuid) {
        return entries.get(uuid);
    }

    /** The body Rekor stores for a dsse entry; {@code rewrap} records the certificate as a MIME CRLF PEM instead. */
    static byte[] canonicalBody(String envelope, byte[] payload, byte[] signature, X509Certificate certificate,
            boolean rewrap) throws java.io.IOException {
        String pem;
        try {
            pem = rewrap
                    ? "-----BEGIN CERTIFICATE-----\r\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                            + "\r\n-----END CERTIFICATE-----\r\n"
                    : Pems.certificate(certificate);
        } catch (GeneralSecurityException e) {
            throw new java.io.IOException(e);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", "0.0.1").put("kind", "dsse");
        ObjectNode spec = body.putObject("spec");
        spec.putObject("envelopeHash").put("algorithm", "sha256").put("value",
                HEX.formatHex(sha256(new byte[0], envelope.getBytes(StandardCharsets.UTF_8))));
        spec.putObject("payloadHash").put("algorithm", "sha256").put("value", HEX.formatHex(sha256(new byte[0],
                payload)));
        spec.putArray("signatures").addObject().put("signature", B64.encodeToString(signature))
                .put("verifier", B64.encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
        return JSON.writeValueAsBytes(body);
    }

    /** The v1 answer for an entry: {@code {"<uuid>": {...}}}; {@code badSet} signs another index. */
    ObjectNode answer(String uuid, Stored stored, boolean withProof, boolean badSet) {
        long globalIndex = SHARD_OFFSET + stored.index();
        String encodedBody = B64.encodeToString(stored.body());
        String set = "{\"body\":\"" + encodedBody + "\",\"integratedTime\":" + stored.integratedTime()
                + ",\"logID\":\"" + HEX.formatHex(logId) + "\",\"logIndex\":" + (badSet ? globalIndex + 1 : globalIndex)
                + "}";
        ObjectNode entry = JSON.createObjectNode();
        entry.put("body", encodedBody);
        entry.put("integratedTime", stored.integratedTime());
        entry.put("logID", HEX.formatHex(logId));
        entry.put("logIndex", globalIndex);
        ObjectNode verification = entry.putObject("verification");
        if (withProof) {
            int size = tree.size();
            byte[] root = tree.root(size);
            ObjectNode proof = verification.putObject("inclusionProof");
            proof.put("checkpoint", checkpoint(size, root));
            var hashes = proof.putArray("hashes");
            tree.path(stored.index(), size).forEach(h -> hashes.add(HEX.formatHex(h)));
            proof.put("logIndex", stored.index());
            proof.put("rootHash", HEX.formatHex(root));
            proof.put("treeSize", size);
        }
        verification.put("signedEntryTimestamp", B64.encodeToString(sign(set.getBytes(StandardCharsets.UTF_8))));
        ObjectNode answer = JSON.createObjectNode();
        answer.set(uuid, entry);
        return answer;
    }

    private String checkpoint(int size, byte[] root) {
        String host = "127.0.0.1";
        String note = host + " - " + treeId + "\n" + size + "\n" + B64.encodeToString(root) + "\n";
        byte[] signature = sign(note.getBytes(StandardCharsets.UTF_8));
        byte[] hinted = new byte[4 + signature.length];
        System.arraycopy(logId, 0, hinted, 0, 4);
        System.arraycopy(signature, 0, hinted, 4, signature.length);
        return note + "\n\u2014 " + host + " " + B64.encodeToString(hinted) + "\n";
    }

    private byte[] sign(byte[] data) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(key.getPrivate());
            ecdsa.update(data);
            return ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] prefix, byte[] data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            return digest.digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
