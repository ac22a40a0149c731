package io.github.pypimaven.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.sigstore.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parts: proofs, checkpoints, reading attestations and trusted roots, server text in messages. */
class AttestationPartsTest {

    @Test
    void inclusionProofsOfTheFakesTreeLeadToItsRootForEveryLeafAndSize() {
        MerkleTree tree = new MerkleTree();
        for (int size = 1; size <= 40; size++) {
            tree.append(("entry " + size).getBytes(StandardCharsets.UTF_8));
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                byte[] leaf = MerkleInclusion.leafHash(("entry " + (index + 1)).getBytes(StandardCharsets.UTF_8));
                assertArrayEquals(root, MerkleInclusion.root(index, size, leaf, tree.path(index, size)),
                        "leaf " + index + " of " + size);
            }
        }
        byte[] leaf = MerkleInclusion.leafHash("entry 1".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> MerkleInclusion.root(5, 5, leaf, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MerkleInclusion.root(0, 8, leaf, tree.path(0, 4)));
        assertThrows(IllegalArgumentException.class, () -> MerkleInclusion.root(0, 4, leaf, tree.path(0, 8)));
    }

    @Test
    void readsASignedCheckpoint() {
        SignedCheckpoint checkpoint = SignedCheckpoint.parse("log - 1\n12\nAAEC\n\n\u2014 log AQIDBAUG\n");
        assertEquals("log - 1\n12\nAAEC\n", checkpoint.note());
        assertEquals(12, checkpoint.size());
        assertArrayEquals(new byte[] {0, 1, 2}, checkpoint.rootHash());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, checkpoint.signatures().get(0).keyHint());
        assertArrayEquals(new byte[] {5, 6}, checkpoint.signatures().get(0).signature());
        for (String bad : List.of("log\n12\nAAEC\n", "log\n12\nAAEC\n\n\u2014 log AQIDBAUG", "log\n12\nAAEC\n\n",
                "log\nx\nAAEC\n\n\u2014 log AQIDBAUG\n", "log\n12\nAAEC\n\n\u2014 log AQID\n",
                "log\n12\nAAEC\n\n- log AQIDBAUG\n")) {
            assertThrows(IllegalArgumentException.class, () -> SignedCheckpoint.parse(bad), bad);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|it is not a JSON object",
        "{\"version\": 2}|'version' must be the number 1",
        "{\"version\": 1, \"envelope\": {}}|'verification_material' must be an object",
        "{\"version\": 1, \"verification_material\": {\"transparency_entries\": []}, \"envelope\": {}}|"
                + "'verification_material.transparency_entries' must be a non-empty list",
        "{\"version\": 1, \"verification_material\": {\"certificate\": \"AA==\", \"transparency_entries\": [{}]},"
                + " \"envelope\": {}}|'verification_material.transparency_entries[0].logIndex' must be a non-negative"
                + " integer",
        "{\"version\": 1, \"verification_material\": {\"certificate\": \"AA\\nA=\", \"transparency_entries\": [1]},"
                + " \"envelope\": {}}|'verification_material.transparency_entries[0]' must be an object",
        "{,|it is not JSON (line 1)"})
    void namesTheFieldOfAMalformedAttestation(String json, String detail) {
        AttestationException e = assertThrows(AttestationException.class,
                () -> AttestationJson.read(json, "demo.whl.publish.attestation"));
        assertEquals(AttestationStep.FORMAT, e.step());
        assertTrue(e.getMessage().startsWith("The attestation demo.whl.publish.attestation is not a valid PEP 740"
                + " attestation: ") && e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void refusesMimeBase64AsPyPIDoes() throws Exception {
        String json = "{\"version\":1,\"verification_material\":{\"certificate\":\"AAAA\\nAAAA\","
                + "\"transparency_entries\":[{\"logIndex\":\"1\",\"logId\":{\"keyId\":\"AA==\"},\"kindVersion\":"
                + "{\"kind\":\"dsse\",\"version\":\"0.0.1\"},\"integratedTime\":2,\"canonicalizedBody\":\"AA==\"}]},"
                + "\"envelope\":{\"statement\":\"AA==\",\"signature\":\"AA==\"}}";
        AttestationException e = assertThrows(AttestationException.class, () -> AttestationJson.read(json, "x"));
        assertTrue(e.getMessage().contains("'verification_material.certificate' is not valid base64"), e.getMessage());
        Attestation fine = AttestationJson.read(json.replace("AAAA\\nAAAA", "AAAAAAAA"), "x");
        assertEquals(1, fine.transparencyEntries().get(0).logIndex());
        assertEquals(2, fine.transparencyEntries().get(0).integratedTime());
        assertTrue(fine.transparencyEntries().get(0).inclusionProof().isEmpty());
        assertTrue(AttestationJson.write(fine).contains("\"integratedTime\":\"2\""), "int64 as strings");
    }

    @Test
    void explainsAnUnusableTrustedRoot(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        assertTrue(assertThrows(AttestationException.class, () -> TrustedRoot.read(missing)).getMessage()
                .contains("it does not exist"));
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"mediaType\":"
                + "\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\"}");
        AttestationException e = assertThrows(AttestationException.class, () -> TrustedRoot.read(empty));
        assertEquals(AttestationStep.TRUSTED_ROOT, e.step());
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("at least one certificate"
                + " authority"), e.getMessage());
        Path other = Files.writeString(dir.resolve("other.json"), "{\"mediaType\": \"application/json\"}");
        assertTrue(assertThrows(AttestationException.class, () -> TrustedRoot.read(other)).getMessage()
                .contains("its mediaType is 'application/json'"));
    }

    @Test
    void serverTextInMessagesIsOneShortLineWithoutTokens() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        assertEquals("bad token <redacted> here", SigstoreHttp.excerpt(("{\"code\": 16, \"message\": \"bad token "
                + jwt + "\\nhere\"}").getBytes(StandardCharsets.UTF_8)));
        String excerpt = SigstoreHttp.excerpt("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        assertEquals(203, excerpt.length());
        assertEquals("no message", SigstoreHttp.excerpt(new byte[0]));
    }

    @Test
    void theIdentityTokenIsNeverShown() {
        SigstoreIdentityToken token = new SigstoreIdentityToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "CI");
        assertFalse(token.toString().contains("eyJ"));
    }

    @ParameterizedTest
    @CsvSource({
        "https://rekor.sigstore.dev, https://search.sigstore.dev/?logIndex=42",
        "https://rekor.example.org/, https://rekor.example.org/api/v1/log/entries?logIndex=42"})
    void linksToALogEntry(String rekor, String link) {
        SigstoreSettings settings = new SigstoreSettings(SigstoreSettings.PUBLIC_FULCIO, java.net.URI.create(rekor),
                java.util.Optional.empty());
        assertEquals(link, settings.entryUrl(42).toString());
    }

    @Test
    void theTbsWithoutAnExtensionIsReEncoded() throws Exception {
        // a TBS with two extensions; removing one shortens every enclosing length
        byte[] ext1 = Der.encode(Der.SEQUENCE, Der.concat(List.of(Der.encode(Der.OID, new byte[] {0x2B, 0x06}),
                Der.encode(Der.OCTET_STRING, new byte[200]))));
        byte[] ext2 = Der.encode(Der.SEQUENCE, Der.concat(List.of(Der.encode(Der.OID, new byte[] {0x2B, 0x07}),
                Der.encode(Der.OCTET_STRING, new byte[] {1}))));
        byte[] tbs = Der.encode(Der.SEQUENCE, Der.concat(List.of(Der.encode(0x02, new byte[] {1}),
                Der.encode(0xA3, Der.encode(Der.SEQUENCE, Der.concat(List.of(ext1, ext2)))))));
        byte[] expected = Der.encode(Der.SEQUENCE, Der.concat(List.of(Der.encode(0x02, new byte[] {1}),
                Der.encode(0xA3, Der.encode(Der.SEQUENCE, ext2)))));
        assertArrayEquals(expected, EmbeddedScts.withoutExtension(tbs, "1.3.6"));
        assertEquals("1.3.6.1.4.1.11129.2.4.2", Der.oid(new byte[] {0x2B, 6, 1, 4, 1, (byte) 0xD6, 0x79, 2, 4, 2}));
    }
}
