package io.github.pypimaven.distribution;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an sdist's PKG-INFO and member list in one pass over the tar, holding a bounded amount of memory whatever the
 * archive holds: one PKG-INFO at a time (of the one top-level directory; the reading stops at a second one), and a
 * bounded number of member names of a bounded length in all (see {@link Limits}). A small .tar.gz can unpack into many
 * large members, so per-member limits alone do not bound the total.
 */
final class SdistArchive {

    /**
     * How much of the member list is kept.
     *
     * @param members   how many members an sdist may have
     * @param nameChars how many characters its member names and link targets may have in all
     */
    record Limits(int members, long nameChars) {
        /** Far more than any real sdist has (large ones have tens of thousands of members). */
        static final Limits DEFAULT = new Limits(200_000, 32L * 1024 * 1024);
    }

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path file;
    private final String filename;
    private final Limits limits;
    private final List<String> names = new ArrayList<>();
    private final List<String> sparse = new ArrayList<>();
    private final List<ArchiveContents.Link> links = new ArrayList<>();
    private long nameChars;
    private String top;
    private byte[] pkgInfo;

    private SdistArchive(Path file, String filename, Limits limits) {
        this.file = file;
        this.filename = filename;
        this.limits = limits;
    }

    static DistributionReader.MetadataAndContents read(Path file, String filename, Limits limits) {
        return new SdistArchive(file, filename, limits).read();
    }

    private DistributionReader.MetadataAndContents read() {
        requireGzip();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                add(entry, tar);
            }
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw DistributionReader.unreadable(file, e);
        } catch (IOException e) {
            throw new DistributionException(DistributionReader.shown(file) + " is a corrupt .tar.gz (the gzip stream or"
                    + " the tar archive inside it cannot be read): " + DistributionReader.describe(e) + ". The file is"
                    + " truncated or damaged: rebuild it", e);
        }
        if (names.isEmpty()) {
            throw new DistributionException(DistributionReader.shown(file) + " is an empty tar archive: a source"
                    + " distribution must contain one top-level directory with PKG-INFO in it. Rebuild the sdist");
        }
        if (top == null) {
            throw new DistributionException("Incorrect number of top-level directories in sdist " + filename
                    + ": found none, but a source distribution must contain exactly one, {name}-{version}/, holding"
                    + " PKG-INFO and the sources. Rebuild the sdist with a PEP 517 build backend");
        }
        String pkgInfoPath = shownMember(top + "/PKG-INFO");
        if (pkgInfo == null) {
            throw new DistributionException("PKG-INFO not found at " + pkgInfoPath + " in sdist " + filename + ": a"
                    + " source distribution carries its core metadata there (a regular file). Build the sdist with a"
                    + " PEP 517 build backend (python -m build --sdist) instead of packing the directory by hand");
        }
        CoreMetadata metadata = CoreMetadata.parse(pkgInfo, filename + " (" + pkgInfoPath + ")");
        return new DistributionReader.MetadataAndContents(metadata,
                new ArchiveContents(top, names, List.of(), Map.of(), sparse, links));
    }

    private void add(TarArchiveEntry entry, InputStream tar) throws IOException {
        String raw = entry.getName();
        String target = entry.isLink() || entry.isSymbolicLink() ? entry.getLinkName() : "";
        nameChars += raw.length() + target.length();
        if (names.size() >= limits.members() || nameChars > limits.nameChars()) {
            throw new DistributionException("sdist " + filename + " has more than " + limits.members() + " members or"
                    + " more than " + limits.nameChars() + " characters of member names; no real source distribution"
                    + " is that large. Check what the build packs into it");
        }
        names.add(raw);
        if (entry.isSparse()) {
            sparse.add(raw);
        }
        if (entry.isLink() || entry.isSymbolicLink()) {
            links.add(new ArchiveContents.Link(raw, target, entry.isSymbolicLink()));
        }
        if (ArchiveMemberName.problem(raw).isPresent()) {
            return; // the validator reports it; it says nothing about where the sources are
        }
        String name = ArchiveContents.strip(raw);
        String entryTop = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        if (entryTop.isEmpty() || entryTop.equals(".")) {
            return;
        }
        if (top == null) {
            top = entryTop;
        } else if (!top.equals(entryTop)) {
            throw new DistributionException("Incorrect number of top-level directories in sdist " + filename
                    + ": found " + shownMember(top) + " and " + shownMember(entryTop) + " (and stopped reading there),"
                    + " but a source distribution must contain exactly one, {name}-{version}/, holding PKG-INFO and the"
                    + " sources. Rebuild the sdist with a PEP 517 build backend");
        }
        if (entry.isFile() && name.equals(top + "/PKG-INFO")) {
            pkgInfo = null; // Python's tarfile, as PyPI uses it, reads the last of repeated members: so do we
            pkgInfo = DistributionReader.readBounded(tar, filename, shownMember(name));
        }
    }

    private void requireGzip() {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            int second = in.read();
            if (first != GZIP_MAGIC_1 || second != GZIP_MAGIC_2) {
                throw new DistributionException(DistributionReader.shown(file) + " is not gzip-compressed, although"
                        + " its name ends in .tar.gz: PyPI opens every sdist as a gzip-compressed tar. Rebuild the"
                        + " sdist, or fix the packaging step that wrote this file");
            }
        } catch (IOException e) {
            throw DistributionReader.unreadable(file, e);
        }
    }

    private static String shownMember(String name) {
        return ArchiveMemberName.shown(name);
    }
}
