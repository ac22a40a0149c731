package io.github.pypimaven.distribution;

import io.github.pypimaven.files.HashingOutputStream;
import io.github.pypimaven.files.ParallelFiles;
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
import java.util.List;
import java.util.Optional;

/**
 * The digests of one distribution file, computed once and only when something needs them: SHA-256 for the upload
 * form, the index comparison, attestations and the summary, MD5 only where the form carries it ({@code md5Digest}).
 * Hashing 1 GiB costs about a second per digest, so a file is not read for digests that are not needed.
 *
 * <p>There is one way to hash: a {@link Hashing} fed the file's bytes in order. Either this class reads the file into
 * one ({@link #sha256()}, {@link #computeAll}), or an upload body feeds the bytes as it sends them and so the file is
 * read once for both ({@link #hashing}). Whichever comes first records the digests; a later result that differs means
 * the file changed in between, and is an error. Thread-safe.
 */
public final class FileDigests {

    private final Path file;
    private Known known; // guarded by this; null until computed

    /** The digests as computed; {@code md5} empty when it was not asked for. */
    private record Known(String sha256, Optional<String> md5, long size) {
    }

    private FileDigests(Path file) {
        this.file = file;
    }

    /** The digests of a file, not computed yet. */
    public static FileDigests of(Path file) {
        return new FileDigests(file);
    }

    /** Lower-case hex SHA-256 of the file, read now unless already known. */
    public String sha256() {
        return value(false).sha256();
    }

    /** Lower-case hex MD5 of the file, read now unless already known (some indexes, e.g. Artifactory, want it). */
    public String md5() {
        return value(true).md5().orElseThrow();
    }

    /** Whether {@link #sha256()} (and, if asked, {@link #md5()}) would answer without reading the file. */
    public synchronized boolean isKnown(boolean md5) {
        return known != null && (!md5 || known.md5().isPresent());
    }

    /**
     * Computes the digests of all the files that lack them, the files spread over the cores.
     *
     * @throws DistributionException naming the file, when one cannot be read
     */
    public static void computeAll(List<FileDigests> files, boolean md5) {
        ParallelFiles.map(files.stream().filter(f -> !f.isKnown(md5)).toList(), f -> f.value(md5));
    }

    /** A new hashing of this file's bytes, to be fed them in order; see {@link Hashing#finish}. */
    public Hashing hashing(boolean md5) {
        return new Hashing(md5);
    }

    private synchronized Known value(boolean md5) {
        if (known == null || (md5 && known.md5().isEmpty())) {
            Hashing hashing = hashing(md5);
            try (InputStream in = Files.newInputStream(file)) {
                hashing.stream.transferFrom(in);
                hashing.finish();
            } catch (IOException e) {
                throw DistributionReader.unreadable(file, e);
            }
        }
        return known;
    }

    private synchronized void record(Known computed) throws IOException {
        if (known != null && (!known.sha256().equals(computed.sha256()) || known.size() != computed.size())) {
            throw new IOException(DistributionReader.shown(file) + " changed while it was being published (sha256 "
                    + known.sha256() + " before, " + computed.sha256() + " now); rebuild it and publish again");
        }
        if (known == null || computed.md5().isPresent()) {
            known = computed;
        }
    }

    /** One pass of SHA-256 (and MD5, when asked) over the file's bytes. */
    public final class Hashing {

        private final MessageDigest md5;
        private final HashingOutputStream stream;

        private Hashing(boolean withMd5) {
            md5 = withMd5 ? newMd5() : null;
            OutputStream md5Sink = OutputStream.nullOutputStream();
            stream = Sha256.hashing(md5 == null ? md5Sink : new DigestOutputStream(md5Sink, md5));
        }

        /** Hashes the next bytes of the file. */
        public void update(byte[] bytes, int offset, int length) throws IOException {
            stream.write(bytes, offset, length);
        }

        /**
         * Ends the pass and records its digests as the file's.
         *
         * @throws IOException when other digests were recorded before: the file changed in between
         */
        public void finish() throws IOException {
            Known computed = new Known(stream.hex(),
                    md5 == null ? Optional.empty() : Optional.of(HexFormat.of().formatHex(md5.digest())), stream.size());
            record(computed);
        }

        /** The file's SHA-256, after {@link #finish}. */
        public String sha256() {
            return FileDigests.this.sha256();
        }

        /** The file's MD5, after {@link #finish} of a pass with MD5. */
        public String md5() {
            return FileDigests.this.md5();
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
