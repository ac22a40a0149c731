package io.github.pypimaven.distribution;

import io.github.pypimaven.files.HashingOutputStream;
import io.github.pypimaven.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
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

    public static FileDigests of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static FileDigests of(InputStream in) throws IOException {
        MessageDigest md5 = newMd5();
        try (OutputStream md5Sink = new DigestOutputStream(OutputStream.nullOutputStream(), md5);
             HashingOutputStream sha256 = Sha256.hashing(md5Sink)) {
            sha256.transferFrom(in);
            return new FileDigests(sha256.hex(), HexFormat.of().formatHex(md5.digest()), sha256.size());
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5, but a FIPS-restricted JVM may not offer it.
            throw new IllegalStateException("This Java runtime does not provide MD5; run Maven on a standard JDK", e);
        }
    }
}
