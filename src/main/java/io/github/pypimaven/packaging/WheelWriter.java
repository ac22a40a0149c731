package io.github.pypimaven.packaging;

import io.github.pypimaven.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a pure-Python wheel (PEP 427 / binary distribution format).
 *
 * <p>The ZIP goes through a seekable file, so Commons Compress writes the sizes and CRC into each local header
 * instead of a data descriptor, which PyPI rejects. Entries are sorted, with the dist-info directory last and
 * RECORD as its last file, as the format recommends.
 */
final class WheelWriter {

    private static final Pattern PYTHON_TAG = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private WheelWriter() {
    }

    static void checkPythonTag(String pythonTag) throws PackagingException {
        if (pythonTag == null || !PYTHON_TAG.matcher(pythonTag).matches()) {
            throw new PackagingException("The pythonTag '" + pythonTag + "' (parameter pythonTag / property"
                    + " pypi.pythonTag) is not a wheel python tag; use py3, or a set such as py2.py3");
        }
    }

    /** {@code py2.py3} expands to the tags {@code py2-none-any} and {@code py3-none-any}. */
    static List<String> expandTags(String pythonTag) {
        List<String> tags = new ArrayList<>();
        for (String python : pythonTag.split("\\.")) {
            tags.add(python + "-none-any");
        }
        return tags;
    }

    static Path write(Path outputDirectory, ProjectMetadata metadata, String metadataVersion, PythonSources sources,
            Path baseDir, String pythonTag, String generator, Instant time) throws PackagingException {
        checkPythonTag(pythonTag);
        String distInfo = metadata.name().filenameForm() + "-" + metadata.version().normalized() + ".dist-info/";
        String fileName = metadata.name().filenameForm() + "-" + metadata.version().normalized() + "-" + pythonTag
                + "-none-any.whl";

        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Path> source : sources.files().entrySet()) {
            entries.put(source.getKey(), ArchiveFiles.read(source.getValue()));
        }
        if (entries.keySet().stream().anyMatch(p -> p.startsWith(distInfo))) {
            throw new PackagingException("The Python sources in " + sources.directory() + " contain " + distInfo
                    + ", which the wheel writer creates itself; remove it");
        }
        TreeMap<String, byte[]> info = new TreeMap<>();
        for (String licenseFile : metadata.licenseFiles()) {
            info.put(distInfo + "licenses/" + licenseFile, ArchiveFiles.read(baseDir.resolve(licenseFile)));
        }
        info.put(distInfo + "METADATA", utf8(CoreMetadataWriter.write(metadata, metadataVersion)));
        info.put(distInfo + "WHEEL", utf8(wheelFile(generator, pythonTag)));
        if (!metadata.entryPoints().isEmpty()) {
            info.put(distInfo + "entry_points.txt", utf8(entryPointsFile(metadata.entryPoints())));
        }
        entries.putAll(info);
        entries.put(distInfo + "RECORD", utf8(recordFile(entries, distInfo + "RECORD")));
        ArchiveFiles.requireSafeMemberNames(entries.keySet(), "the wheel " + fileName);

        Path target = outputDirectory.resolve(fileName);
        try {
            Files.createDirectories(outputDirectory);
            AtomicFiles.write(target, temp -> writeZip(temp, entries, time));
        } catch (IOException e) {
            throw new PackagingException("Cannot write the wheel " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static void writeZip(Path file, Map<String, byte[]> entries, Instant time) throws IOException {
        long zipTime = ArchiveFiles.zipTime(time);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setUseZip64(Zip64Mode.Never); // a pure-Python wheel never needs ZIP64; PyPI checks ZIP64 extras strictly
            zip.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getKey());
                zipEntry.setMethod(ZipArchiveEntry.DEFLATED);
                zipEntry.setSize(entry.getValue().length);
                zipEntry.setTime(zipTime);
                zipEntry.setUnixMode(0100644);
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    static String wheelFile(String generator, String pythonTag) {
        StringBuilder out = new StringBuilder();
        out.append("Wheel-Version: 1.0\n");
        out.append("Generator: ").append(generator).append('\n');
        out.append("Root-Is-Purelib: true\n");
        for (String tag : expandTags(pythonTag)) {
            out.append("Tag: ").append(tag).append('\n');
        }
        return out.toString();
    }

    static String entryPointsFile(Map<String, Map<String, String>> groups) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> group : new TreeMap<>(groups).entrySet()) {
            out.append('[').append(group.getKey()).append("]\n");
            new TreeMap<>(group.getValue()).forEach((name, ref) -> out.append(name).append(" = ").append(ref.strip()).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** One CSV row per file; RECORD lists itself without hash or size. */
    static String recordFile(Map<String, byte[]> entries, String recordPath) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            out.append(csv(entry.getKey())).append(',').append(ArchiveFiles.recordHash(entry.getValue())).append(',')
                    .append(entry.getValue().length).append('\n');
        }
        out.append(csv(recordPath)).append(",,\n");
        return out.toString();
    }

    private static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
