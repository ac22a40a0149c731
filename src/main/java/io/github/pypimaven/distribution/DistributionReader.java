package io.github.pypimaven.distribution;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a wheel or sdist, reads its core metadata where PyPI reads it, notes what the archive rules need, and computes
 * the upload digests. Any file that cannot be read gives a {@link DistributionException} naming the file and the
 * cause, so nothing is uploaded until every file of a release has been read.
 */
@Named
@Singleton
public class DistributionReader {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionReader.class);

    /** Metadata holds the long description, so allow plenty, but never read an unbounded member into memory. */
    static final int MAX_METADATA_BYTES = 32 * 1024 * 1024;
    private static final int ZIP_STORED = 0;
    private static final int ZIP_DEFLATED = 8;
    private static final int DATA_DESCRIPTOR_FLAG = 0x08;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /**
     * Reads one distribution file.
     *
     * @throws DistributionException if the file is not a wheel or sdist, cannot be read, or has no usable metadata
     */
    public Distribution read(Path file) {
        String filename = file.getFileName().toString();
        DistributionKind.Classification classification = DistributionKind.classify(filename);
        if (classification.rejection().isPresent()) {
            throw new DistributionException(classification.rejection().get());
        }
        DistributionKind kind = classification.kind().orElseThrow(() -> new DistributionException("'" + filename
                + "' is not a Python distribution: only wheels (.whl) and source distributions (.tar.gz) can be uploaded"));
        requireNonEmptyFile(file);
        FileDigests digests;
        try {
            digests = FileDigests.of(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        MetadataAndContents read = kind == DistributionKind.WHEEL ? readWheel(file, filename) : readSdist(file, filename);
        // A bad Name or Version is not a reading error: the validator reports it with the release's other problems.
        Distribution distribution = new Distribution(file, filename, kind, read.metadata, digests.sha256(),
                digests.md5(), digests.size(), read.contents);
        LOG.debug("Read {}", distribution);
        return distribution;
    }

    private record MetadataAndContents(CoreMetadata metadata, ArchiveContents contents) {
    }

    private static void requireNonEmptyFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new DistributionException(file + " is a directory, not a distribution file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new DistributionException(file + " is empty (0 bytes): the build did not finish writing it;"
                        + " rebuild the distribution");
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (!Files.isReadable(file)) {
            throw unreadable(file, new AccessDeniedException(file.toString()));
        }
    }

    /** Turns an I/O failure into a message that says what to do, without the library's stack trace. */
    static DistributionException unreadable(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new DistributionException("Cannot read " + file + ": permission denied. Make the file readable by"
                    + " the user running Maven", e);
        }
        if (e instanceof NoSuchFileException) {
            return new DistributionException("Cannot read " + file + ": the file does not exist. Check the configured"
                    + " distribution paths and that the build produced the file", e);
        }
        return new DistributionException("Cannot read " + file + ": " + describe(e), e);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    // --- wheels ---

    private static MetadataAndContents readWheel(Path file, String filename) {
        WheelFilename wheel = WheelFilename.parse(filename);
        String distInfo = wheel.distInfoDirectory();
        String metadataPath = distInfo + "/METADATA";
        List<String> names = new ArrayList<>();
        List<String> dataDescriptors = new ArrayList<>();
        Map<String, Integer> unsupported = new LinkedHashMap<>();
        byte[] metadataBytes;
        try (ZipFile zip = ZipFile.builder().setPath(file).get();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                names.add(entry.getName());
                if (entry.getGeneralPurposeBit().usesDataDescriptor() || localHeaderUsesDataDescriptor(channel, entry)) {
                    dataDescriptors.add(entry.getName());
                }
                if (entry.getMethod() != ZIP_STORED && entry.getMethod() != ZIP_DEFLATED) {
                    unsupported.put(entry.getName(), entry.getMethod());
                }
            }
            ZipArchiveEntry metadata = zip.getEntry(metadataPath);
            if (metadata == null || metadata.isDirectory()) {
                throw new DistributionException(missingWheelMetadata(filename, metadataPath, names));
            }
            try (InputStream in = zip.getInputStream(metadata)) {
                metadataBytes = readBounded(in, filename, metadataPath);
            }
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw new DistributionException(file + " is not a valid ZIP archive, and every wheel is one: " + describe(e)
                    + ". The file is corrupt or truncated, or is not a wheel: rebuild it", e);
        }
        CoreMetadata metadata = CoreMetadata.parse(metadataBytes, filename + " (" + metadataPath + ")");
        return new MetadataAndContents(metadata,
                new ArchiveContents(distInfo, names, dataDescriptors, unsupported, List.of()));
    }

    /** The central directory can disagree with the local header; PyPI checks the local one. */
    private static boolean localHeaderUsesDataDescriptor(FileChannel channel, ZipArchiveEntry entry) throws IOException {
        long flagOffset = entry.getLocalHeaderOffset() + 6; // signature (4) + version needed (2)
        ByteBuffer flag = ByteBuffer.allocate(2);
        while (flag.hasRemaining() && channel.read(flag, flagOffset + flag.position()) > 0) {
            // keep reading until both bytes are in
        }
        return !flag.hasRemaining() && (flag.get(0) & DATA_DESCRIPTOR_FLAG) != 0;
    }

    private static String missingWheelMetadata(String filename, String expected, List<String> names) {
        List<String> found = names.stream()
                .filter(n -> n.matches("[^/]+\\.dist-info/METADATA"))
                .toList();
        String base = "Wheel '" + filename + "' does not contain the required METADATA file: " + expected
                + " (PyPI derives this path from the file name).";
        if (found.size() == 1) {
            return base + " It has " + found.get(0) + " instead: the file was renamed after it was built, or built by a"
                    + " broken tool. Do not rename wheels; rebuild it so that the file name matches its .dist-info"
                    + " directory";
        }
        if (found.size() > 1) {
            return base + " It has several: " + String.join(", ", found) + ". Rebuild the wheel from a clean build"
                    + " directory";
        }
        return base + " It has no .dist-info/METADATA at all: it is not a wheel. Rebuild it with a PEP 517 build backend";
    }

    // --- sdists ---

    private static MetadataAndContents readSdist(Path file, String filename) {
        requireGzip(file);
        List<String> names = new ArrayList<>();
        List<String> sparse = new ArrayList<>();
        Set<String> topLevel = new LinkedHashSet<>();
        Map<String, byte[]> pkgInfoByTop = new LinkedHashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = ArchiveContents.strip(entry.getName());
                names.add(entry.getName());
                if (entry.isSparse()) {
                    sparse.add(entry.getName());
                }
                String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
                if (!top.isEmpty() && !top.equals(".")) {
                    topLevel.add(top);
                }
                if (entry.isFile() && name.equals(top + "/PKG-INFO")) {
                    pkgInfoByTop.put(top, readBounded(tar, filename, name));
                }
            }
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw new DistributionException(file + " is a corrupt .tar.gz (the gzip stream or the tar archive inside it"
                    + " cannot be read): " + describe(e) + ". The file is truncated or damaged: rebuild it", e);
        }
        if (names.isEmpty()) {
            throw new DistributionException(file + " is an empty tar archive: a source distribution must contain one"
                    + " top-level directory with PKG-INFO in it. Rebuild the sdist");
        }
        if (topLevel.size() != 1) {
            throw new DistributionException("Incorrect number of top-level directories in sdist " + filename + ": found "
                    + topLevel.size() + " (" + abbreviate(new TreeSet<>(topLevel)) + "), but a source distribution must"
                    + " contain exactly one, {name}-{version}/, holding PKG-INFO and the sources. Rebuild the sdist with"
                    + " a PEP 517 build backend");
        }
        String top = topLevel.iterator().next();
        String pkgInfoPath = top + "/PKG-INFO";
        byte[] pkgInfo = pkgInfoByTop.get(top);
        if (pkgInfo == null) {
            throw new DistributionException("PKG-INFO not found at " + pkgInfoPath + " in sdist " + filename + ": a source"
                    + " distribution carries its core metadata there (a regular file). Build the sdist with a PEP 517"
                    + " build backend (python -m build --sdist) instead of packing the directory by hand");
        }
        CoreMetadata metadata = CoreMetadata.parse(pkgInfo, filename + " (" + pkgInfoPath + ")");
        return new MetadataAndContents(metadata, new ArchiveContents(top, names, List.of(), Map.of(), sparse));
    }

    private static void requireGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            int second = in.read();
            if (first != GZIP_MAGIC_1 || second != GZIP_MAGIC_2) {
                throw new DistributionException(file + " is not gzip-compressed, although its name ends in .tar.gz:"
                        + " PyPI opens every sdist as a gzip-compressed tar. Rebuild the sdist, or fix the packaging step"
                        + " that wrote this file");
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static String abbreviate(Set<String> names) {
        List<String> shown = names.stream().limit(5).toList();
        return String.join(", ", shown) + (names.size() > shown.size() ? ", ..." : "");
    }

    private static byte[] readBounded(InputStream in, String filename, String member) throws IOException {
        byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
        if (bytes.length > MAX_METADATA_BYTES) {
            throw new DistributionException(member + " in " + filename + " is larger than "
                    + (MAX_METADATA_BYTES / (1024 * 1024)) + " MiB; core metadata that large is not a real package's."
                    + " Check the long description the build puts into it");
        }
        return bytes;
    }
}
