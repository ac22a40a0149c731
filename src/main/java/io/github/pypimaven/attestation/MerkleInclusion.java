package io.github.pypimaven.attestation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** RFC 6962 Merkle trees as Rekor keeps them: leaf and node hashes, and the root an inclusion proof leads to. */
final class MerkleInclusion {

    private MerkleInclusion() {}

    /** SHA-256(0x00 ‖ leaf). */
    static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(leaf);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /**
     * The root that {@code proof} leads to from the leaf at {@code index} of a tree of {@code size} leaves (RFC 9162,
     * section 2.1.3.2).
     *
     * @throws IllegalArgumentException when the proof cannot belong to such a tree
     */
    static byte[] root(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("the leaf index " + index + " is outside a tree of " + size);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new IllegalArgumentException("the proof has more hashes than the tree has levels");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new IllegalArgumentException("the proof has fewer hashes than the tree has levels");
        }
        return r;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
