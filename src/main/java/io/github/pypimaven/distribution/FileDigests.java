package io.github.pypimaven.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digests the upload form carries, computed in one streaming pass with a fixed buffer, so a file of any size is
 * hashed in constant memory.
 *
 * @param sha256 lower-case hex
 * @param md5    lower-case hex (some registries, e.g. Artifactory, want it; PyPI only verifies it)
 * @param size   bytes read
 */
public record FileDigests(String sha256, String md5, long size) {

    private static final int BUFFER_SIZE = 64 * 1024;

    public static FileDigests of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static FileDigests of(InputStream in) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha256.update(buffer, 0, n);
            md5.update(buffer, 0, n);
            size += n;
        }
        return new FileDigests(HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()), size);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 and MD5; a FIPS-restricted JVM may not offer MD5.
            throw new IllegalStateException("This Java runtime does not provide " + algorithm
                    + "; run Maven on a standard JDK", e);
        }
    }
}
