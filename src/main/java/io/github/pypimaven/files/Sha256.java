package io.github.pypimaven.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 helper: digests of bytes, streams and files as lower-case hex, and a stream that hashes what passes
 * through it. Streams are read with a fixed buffer, so a file of any size is hashed in constant memory.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The raw 32-byte digest. */
    public static byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }

    /** Lower-case hex of the digest of the bytes. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    /** Lower-case hex of the digest of the file's content. */
    public static String hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hex(in);
        }
    }

    /** Lower-case hex of the digest of what is left in the stream, read to its end (not closed). */
    public static String hex(InputStream in) throws IOException {
        try (HashingOutputStream out = hashing(OutputStream.nullOutputStream())) {
            out.transferFrom(in);
            return out.hex();
        }
    }

    /** A stream that writes through to {@code out} and hashes (and counts) every byte written. */
    public static HashingOutputStream hashing(OutputStream out) {
        return new HashingOutputStream(out, newDigest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256, but this one does not; run Maven on"
                    + " a standard JDK", e);
        }
    }
}
