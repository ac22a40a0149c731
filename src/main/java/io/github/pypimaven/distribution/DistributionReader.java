package io.github.pypimaven.distribution;

import io.github.pypimaven.ci.ForeignText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a wheel or sdist, reads its core metadata where PyPI reads it, and notes what the archive rules need; the
 * digests are computed later, when needed (see {@link FileDigests}). Any file that cannot be read gives a {@link DistributionException} naming the file and the
 * cause, so nothing is uploaded until every file of a release has been read.
 */
@Named
@Singleton
public class DistributionReader {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionReader.class);

    /** Metadata holds the long description, so allow plenty, but never read an unbounded member into memory. */
    static final int MAX_METADATA_BYTES = 32 * 1024 * 1024;

    /**
     * Reads one distribution file. Its name is checked first, before any message names it: a file name is foreign
     * text, and one that passes holds no character that could forge a log line or Markdown.
     *
     * @throws DistributionException if the file is not a wheel or sdist, cannot be read, or has no usable metadata
     */
    public Distribution read(Path file) {
        String filename = file.getFileName().toString();
        DistributionKind.Classification classification = DistributionKind.classify(filename);
        if (classification.rejection().isPresent()) {
            throw new DistributionException(classification.rejection().get());
        }
        DistributionKind kind = classification.kind().orElseThrow(() -> new DistributionException("'"
                + ForeignText.line(filename) + "' is not a Python distribution: only wheels (.whl) and source"
                + " distributions (.tar.gz) can be uploaded"));
        if (kind == DistributionKind.WHEEL) {
            WheelFilename.parse(filename);
        } else {
            SdistFilename.checkCharacters(filename);
        }
        long size = requireNonEmptyFile(file);
        MetadataAndContents read = kind == DistributionKind.WHEEL ? readWheel(file, filename)
                : SdistArchive.read(file, filename, SdistArchive.Limits.DEFAULT);
        // A bad Name or Version is not a reading error: the validator reports it with the release's other problems.
        Distribution distribution = new Distribution(file, filename, kind, read.metadata, FileDigests.of(file), size,
                read.contents);
        LOG.debug("Read {}", distribution);
        return distribution;
    }

    record MetadataAndContents(CoreMetadata metadata, ArchiveContents contents) {
    }

    /** Returns the file's size. */
    private static long requireNonEmptyFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new DistributionException(shown(file) + " is a directory, not a distribution file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (size == 0) {
            throw new DistributionException(shown(file) + " is empty (0 bytes): the build did not finish writing it;"
                    + " rebuild the distribution");
        }
        if (!Files.isReadable(file)) {
            throw unreadable(file, new AccessDeniedException(file.toString()));
        }
        return size;
    }

    /** Turns an I/O failure into a message that says what to do, without the library's stack trace. */
    static DistributionException unreadable(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new DistributionException("Cannot read " + shown(file) + ": permission denied. Make the file readable by"
                    + " the user running Maven", e);
        }
        if (e instanceof NoSuchFileException) {
            return new DistributionException("Cannot read " + shown(file) + ": the file does not exist. Check the configured"
                    + " distribution paths and that the build produced the file", e);
        }
        return new DistributionException("Cannot read " + shown(file) + ": " + describe(e), e);
    }

    /** A library's message can quote a member name from the archive, so it is foreign text. */
    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? ""
                : " (" + ForeignText.line(message) + ")");
    }

    /** A path as messages show it: its directories come from the build, but nothing checked their names. */
    static String shown(Path file) {
        return ForeignText.line(file.toString(), 4096, List.of());
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ZipDirectory zip = ZipDirectory.read(channel);
            ZipDirectory.Entry metadata = null;
            for (ZipDirectory.Entry entry : zip.entries()) {
                names.add(entry.name());
                if (entry.usesDataDescriptor() || zip.localHeaderUsesDataDescriptor(entry)) {
                    dataDescriptors.add(entry.name());
                }
                if (entry.method() != ZipDirectory.STORED && entry.method() != ZipDirectory.DEFLATED) {
                    unsupported.put(entry.name(), entry.method());
                }
                if (metadata == null && entry.name().equals(metadataPath)) {
                    metadata = entry; // the first of duplicates, as the archive lists them
                }
            }
            if (metadata == null || metadata.isDirectory()) {
                throw new DistributionException(missingWheelMetadata(filename, metadataPath, names));
            }
            metadataBytes = zip.read(metadata, MAX_METADATA_BYTES);
            refuseOversized(metadataBytes, filename, metadataPath);
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw new DistributionException(shown(file) + " is not a valid ZIP archive, and every wheel is one: " + describe(e)
                    + ". The file is corrupt or truncated, or is not a wheel: rebuild it", e);
        }
        CoreMetadata metadata = CoreMetadata.parse(metadataBytes, filename + " (" + metadataPath + ")");
        return new MetadataAndContents(metadata,
                new ArchiveContents(distInfo, names, dataDescriptors, unsupported, List.of()));
    }

    private static String missingWheelMetadata(String filename, String expected, List<String> names) {
        List<String> found = names.stream()
                .filter(n -> n.matches("[^/]+\\.dist-info/METADATA"))
                .map(ArchiveMemberName::shown)
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

    /** Reads one member, at most {@link #MAX_METADATA_BYTES}; {@code member} is already fit to print. */
    static byte[] readBounded(InputStream in, String filename, String member) throws IOException {
        return refuseOversized(in.readNBytes(MAX_METADATA_BYTES + 1), filename, member);
    }

    private static byte[] refuseOversized(byte[] bytes, String filename, String member) {
        if (bytes.length > MAX_METADATA_BYTES) {
            throw new DistributionException(member + " in " + filename + " is larger than "
                    + (MAX_METADATA_BYTES / (1024 * 1024)) + " MiB; core metadata that large is not a real package's."
                    + " Check the long description the build puts into it");
        }
        return bytes;
    }
}
