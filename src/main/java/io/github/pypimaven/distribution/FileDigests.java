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
 * Hashing 1 GiB costs about a second per digest here, so a file is not read for digests nothing needs.
 *
 * <p>There is one way to hash: a {@link Hashing} fed the file's bytes in order. Either this class reads the file into
 * one ({@link #sha256()}, {@link #computeAll}), or an upload body feeds it the bytes as it sends them, so the file is
 * read once for both ({@link #pass}). Whichever ends first records the digests; a later pass that differs means the
 * file changed in between, and is an error. Thread-safe.
 */
public final class FileDigests {

    private final Path file;
    private Values known; // guarded by this; null until computed

    /**
     * Digests of some bytes.
     *
     * @param sha256 lower-case hex
     * @param md5    lower-case hex; empty when it was not asked for
     * @param size   bytes hashed
     */
    public record Values(String sha256, Optional<String> md5, long size) {
    }

    private FileDigests(Path file) {
        this.file = file;
    }

    /** The digests of a file, not computed yet. */
    public static FileDigests of(Path file) {
        return new FileDigests(file);
    }

    /** The digests of what is left in a stream, read to its end (not closed). */
    public static Values read(InputStream in, boolean md5) throws IOException {
        Hashing hashing = new Hashing(md5);
        hashing.stream.transferFrom(in);
        return hashing.values();
    }

    /** Lower-case hex SHA-256 of the file, read now unless already known. */
    public String sha256() {
        return value(false).sha256();
    }

    /** Lower-case hex MD5 of the file, read now unless already known (some indexes, e.g. Artifactory, want it). */
    public String md5() {
        return value(true).md5().orElseThrow();
    }

    /** The file's size in bytes, read now unless already known. */
    public long size() {
        return value(false).size();
    }

    /** Whether {@link #sha256()} (and, if {@code md5}, {@link #md5()}) would answer without reading the file. */
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

    /** A new pass over this file's bytes, to be fed them in order and then {@linkplain FilePass#finish finished}. */
    public FilePass pass(boolean md5) {
        return new FilePass(new Hashing(md5));
    }

    private synchronized Values value(boolean md5) {
        if (known == null || md5 && known.md5().isEmpty()) {
            try (InputStream in = Files.newInputStream(file)) {
                record(read(in, md5));
            } catch (IOException e) {
                throw DistributionReader.unreadable(file, e);
            }
        }
        return known;
    }

    private synchronized void record(Values computed) throws IOException {
        if (known != null && (!known.sha256().equals(computed.sha256()) || known.size() != computed.size())) {
            throw new IOException(DistributionReader.shown(file) + " changed while it was being published (sha256 "
                    + known.sha256() + " before, " + computed.sha256() + " now); rebuild it and publish again");
        }
        if (known == null || computed.md5().isPresent()) {
            known = computed;
        }
    }

    /** One pass over the file's bytes as something else (an upload body) reads them. */
    public final class FilePass {

        private final Hashing hashing;

        private FilePass(Hashing hashing) {
            this.hashing = hashing;
        }

        /** Hashes the next bytes of the file. */
        public void update(byte[] bytes, int offset, int length) throws IOException {
            hashing.stream.write(bytes, offset, length);
        }

        /**
         * Ends the pass and records its digests as the file's.
         *
         * @throws IOException when other digests were recorded before: the file changed in between
         */
        public Values finish() throws IOException {
            Values values = hashing.values();
            record(values);
            return values;
        }
    }

    /** SHA-256, and MD5 when asked, over the same bytes. */
    private static final class Hashing {

        private final MessageDigest md5;
        private final HashingOutputStream stream;

        Hashing(boolean withMd5) {
            md5 = withMd5 ? newMd5() : null;
            OutputStream md5Sink = OutputStream.nullOutputStream();
            stream = Sha256.hashing(md5 == null ? md5Sink : new DigestOutputStream(md5Sink, md5));
        }

        Values values() {
            return new Values(stream.hex(), Optional.ofNullable(md5).map(m -> HexFormat.of().formatHex(m.digest())),
                    stream.size());
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
