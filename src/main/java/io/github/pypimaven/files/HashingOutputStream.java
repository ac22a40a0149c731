package io.github.pypimaven.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Writes through to another stream while hashing and counting the bytes; made by {@link Sha256#hashing}. */
public final class HashingOutputStream extends FilterOutputStream {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final MessageDigest digest;
    private long size;

    HashingOutputStream(OutputStream out, MessageDigest digest) {
        super(out);
        this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // FilterOutputStream would write byte by byte.
        out.write(b, off, len);
        digest.update(b, off, len);
        size += len;
    }

    /** Writes the rest of the stream (not closed) through a 64 KiB buffer; {@code transferTo} uses a smaller one. */
    public void transferFrom(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            write(buffer, 0, n);
        }
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    /** Lower-case hex SHA-256 of everything written; call once, when writing is done. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
