package io.github.pypimaven.testing.sigstore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only RFC 6962 Merkle tree of leaf hashes, with the tree head and audit paths of RFC 6962 section 2.1
 * computed the recursive way (written apart from the plugin's verifier, which walks a proof the RFC 9162 way).
 */
public final class MerkleTree {

    private final List<byte[]> leaves = new ArrayList<>();

    /** Appends an entry; returns its index. */
    public synchronized int append(byte[] entry) {
        leaves.add(hash(new byte[] {0}, entry));
        return leaves.size() - 1;
    }

    public synchronized int size() {
        return leaves.size();
    }

    /** MTH of the first {@code size} leaves. */
    public synchronized byte[] root(int size) {
        return head(0, size);
    }

    /** PATH(index) in the tree of the first {@code size} leaves, leaf to root. */
    public synchronized List<byte[]> path(int index, int size) {
        List<byte[]> path = new ArrayList<>();
        collect(index, 0, size, path);
        return path;
    }

    private void collect(int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = split(n);
        if (index < k) {
            collect(index, from, from + k, path);
            path.add(head(from + k, to));
        } else {
            collect(index - k, from + k, to, path);
            path.add(head(from, from + k));
        }
    }

    private byte[] head(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return hash(new byte[0], new byte[0]);
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        byte[] left = head(from, from + k);
        byte[] right = head(from + k, to);
        byte[] both = new byte[64];
        System.arraycopy(left, 0, both, 0, 32);
        System.arraycopy(right, 0, both, 32, 32);
        return hash(new byte[] {1}, both);
    }

    /** The largest power of two smaller than {@code n}. */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] hash(byte[] prefix, byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prefix);
            return sha256.digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
