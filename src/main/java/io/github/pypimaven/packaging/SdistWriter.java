package io.github.pypimaven.packaging;

import io.github.pypimaven.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes an sdist (PEP 625 and the source distribution format): a gzipped POSIX pax tar with one top-level
 * directory holding PKG-INFO, a hatchling pyproject.toml, the sources under {@code src/}, the license files and
 * the readme.
 *
 * <p>For reproducibility every entry has the same time, mode 0644 (files) or 0755 (directories), owner 0:0 and no
 * owner names; the gzip header has no file name and time 0.
 */
final class SdistWriter {

    private static final int RECORD_SIZE = 20 * 512;

    private SdistWriter() {
    }

    static Path write(Path outputDirectory, ProjectMetadata metadata, String metadataVersion, PythonSources sources,
            Path baseDir, String pythonTag, Instant time) throws PackagingException {
        String top = metadata.name().filenameForm() + "-" + metadata.version().normalized();
        String fileName = top + ".tar.gz";

        TreeMap<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, Path> source : sources.files().entrySet()) {
            files.put(SdistPyproject.SOURCE_PREFIX + source.getKey(), ArchiveFiles.read(source.getValue()));
        }
        for (String licenseFile : metadata.licenseFiles()) {
            files.put(licenseFile, ArchiveFiles.read(baseDir.resolve(licenseFile)));
        }
        if (metadata.readmeFile() != null) {
            files.put(metadata.readmeFile(), ArchiveFiles.read(baseDir.resolve(metadata.readmeFile())));
        }
        files.put("PKG-INFO", CoreMetadataWriter.write(metadata, metadataVersion).getBytes(StandardCharsets.UTF_8));
        files.put("pyproject.toml", SdistPyproject.write(metadata).getBytes(StandardCharsets.UTF_8));
        files.put(SdistPyproject.BUILD_HOOK_FILE, SdistPyproject.buildHook(pythonTag).getBytes(StandardCharsets.UTF_8));

        ArchiveFiles.requireSafeMemberNames(files.keySet(), "the sdist " + fileName);

        Path target = outputDirectory.resolve(fileName);
        try {
            Files.createDirectories(outputDirectory);
            AtomicFiles.write(target, temp -> {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    writeTarGz(out, top, files, time);
                }
            });
        } catch (IOException e) {
            throw new PackagingException("Cannot write the sdist " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static void writeTarGz(OutputStream out, String top, TreeMap<String, byte[]> files, Instant time)
            throws IOException {
        // Whole seconds: a fraction would make Commons Compress add a pax mtime header.
        FileTime mtime = FileTime.from(time.getEpochSecond(), TimeUnit.SECONDS);
        // java.util.zip writes a fixed gzip header: no file name, time 0, so the bytes depend only on the tar.
        // 10 KiB records, as tar and Python write them; UTF-8 names whatever the platform charset.
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out), RECORD_SIZE,
                StandardCharsets.UTF_8.name())) {
            // Pax headers for long or non-ASCII names (as Python's tarfile writes them) and for sizes of 8 GiB and up.
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            TreeSet<String> directoriesWritten = new TreeSet<>();
            add(tar, top + "/", 0755, mtime, null);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                String path = top + "/" + file.getKey();
                // Each directory comes just before the first file in it.
                for (int slash = path.indexOf('/', top.length() + 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    String dir = path.substring(0, slash + 1);
                    if (directoriesWritten.add(dir)) {
                        add(tar, dir, 0755, mtime, null);
                    }
                }
                add(tar, path, 0644, mtime, file.getValue());
            }
            tar.finish();
        }
    }

    /** A directory when the name ends with '/' (content null), a regular file otherwise; owned by 0:0, unnamed. */
    private static void add(TarArchiveOutputStream tar, String name, int mode, FileTime mtime, byte[] content)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setLastModifiedTime(mtime);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setSize(content == null ? 0 : content.length);
        tar.putArchiveEntry(entry);
        if (content != null) {
            tar.write(content);
        }
        tar.closeArchiveEntry();
    }
}
