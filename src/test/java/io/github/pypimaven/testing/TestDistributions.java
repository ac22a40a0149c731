package io.github.pypimaven.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Writes real wheels and sdists (and deliberately broken ones) for tests and for the integration tests' setup scripts.
 * No JUnit here, so Groovy scripts can call it too.
 *
 * <pre>{@code
 * Path whl = TestDistributions.wheel("my-package", "1.0.0").metadataVersion("2.4")
 *         .field("Summary", "x").field("Requires-Dist", "requests>=2")
 *         .description("# Hello", "text/markdown")
 *         .module("my_package/__init__.py", "VALUE = 1\n")
 *         .writeTo(dir);                                   // dir/my_package-1.0.0-py3-none-any.whl
 * Path sdist = TestDistributions.sdist("my-package", "1.0.0").writeTo(dir); // dir/my_package-1.0.0.tar.gz
 * }</pre>
 *
 * <p>Valid output is what PyPI accepts: wheels have METADATA, WHEEL and a RECORD with sha256 hashes and sizes, and no
 * ZIP data descriptors; sdists are pax-compatible tar.gz files with one top-level directory holding PKG-INFO, a
 * {@code flit_core} pyproject.toml and the module, so pip can build them. Bytes are deterministic: the same inputs give
 * the same file in any time zone.
 */
public final class TestDistributions {

    /** 2020-02-02 00:00 as local time, so the ZIP's DOS timestamps are the same bytes in every time zone. */
    private static final long ZIP_TIME = LocalDateTime.of(2020, 2, 2, 0, 0).atZone(ZoneId.systemDefault()).toInstant()
            .toEpochMilli();
    /** 2020-02-02T00:00:00Z; tar stores UTC seconds. */
    private static final long TAR_TIME = 1_580_601_600L * 1000;

    private TestDistributions() {
    }

    public static Builder wheel(String name, String version) {
        return new Builder(true, name, version);
    }

    public static Builder sdist(String name, String version) {
        return new Builder(false, name, version);
    }

    /** An empty (0 byte) file, e.g. {@code emptyFile(dir, "x-1.0-py3-none-any.whl")}. */
    public static Path emptyFile(Path dir, String filename) {
        return write(dir.resolve(filename), new byte[0]);
    }

    /** A file of deterministic pseudo-random bytes: neither a ZIP nor gzip. */
    public static Path garbage(Path dir, String filename, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = 'X'; // never a ZIP or gzip signature by chance
        return write(dir.resolve(filename), bytes);
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fluent description of one distribution; {@link #writeTo} writes it. */
    public static final class Builder {
        private final boolean wheel;
        private final String name;
        private final String version;
        private String metadataVersion = "2.1";
        private final List<String[]> fields = new ArrayList<>();
        private String description;
        private String descriptionContentType;
        private final Map<String, byte[]> modules = new LinkedHashMap<>();
        private final Map<String, byte[]> licenseFiles = new LinkedHashMap<>();
        private String pythonTag = "py3";
        private String abiTag = "none";
        private String platformTag = "any";
        private String buildTag;
        private String filename;
        private String distInfoDirectory;
        private byte[] rawMetadata;
        private boolean omitMetadata;
        private boolean omitRecord;
        private boolean omitWheelFile;
        private boolean dataDescriptors;
        private boolean twoTopLevelDirs;
        private boolean stored;
        private boolean sparseMember;
        private final Map<String, byte[]> rawMembers = new LinkedHashMap<>();
        private final List<String[]> links = new ArrayList<>();

        private Builder(boolean wheel, String name, String version) {
            this.wheel = wheel;
            this.name = name;
            this.version = version;
        }

        public Builder metadataVersion(String value) {
            metadataVersion = value;
            return this;
        }

        /** Adds a metadata header (repeat the call for multiple-use fields); written after Name and Version. */
        public Builder field(String header, String value) {
            fields.add(new String[] {header, value});
            return this;
        }

        /** The description as the message body, with its Description-Content-Type (null for none). */
        public Builder description(String body, String contentType) {
            description = body;
            descriptionContentType = contentType;
            return this;
        }

        /** A source file, path relative to the wheel root or the sdist's top directory. */
        public Builder module(String path, String content) {
            return module(path, content.getBytes(StandardCharsets.UTF_8));
        }

        /** A file of any bytes (package data), path relative to the wheel root or the sdist's top directory. */
        public Builder module(String path, byte[] content) {
            modules.put(path, content.clone());
            return this;
        }

        /** Adds {@code License-File: path} and the file where PyPI looks for it. */
        public Builder licenseFile(String path, String content) {
            field("License-File", path);
            licenseFiles.put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Builder pythonTag(String value) {
            pythonTag = value;
            return this;
        }

        public Builder abiTag(String value) {
            abiTag = value;
            return this;
        }

        public Builder platformTag(String value) {
            platformTag = value;
            return this;
        }

        public Builder buildTag(String value) {
            buildTag = value;
            return this;
        }

        /** Overrides the file name (bad-name cases); a wheel's .dist-info directory follows it unless set too. */
        public Builder filename(String value) {
            filename = value;
            return this;
        }

        /** Overrides the wheel's .dist-info directory name, e.g. to mismatch the file name. */
        public Builder distInfoDirectory(String value) {
            distInfoDirectory = value;
            return this;
        }

        /** Replaces the generated METADATA/PKG-INFO with these bytes (e.g. not UTF-8). */
        public Builder rawMetadata(byte[] bytes) {
            rawMetadata = bytes.clone();
            return this;
        }

        public Builder withoutMetadata() {
            omitMetadata = true;
            return this;
        }

        public Builder withoutRecord() {
            omitRecord = true;
            return this;
        }

        public Builder withoutWheelFile() {
            omitWheelFile = true;
            return this;
        }

        /** Writes the wheel as a stream, so DEFLATED members get data descriptors (which PyPI refuses). */
        public Builder withDataDescriptors() {
            dataDescriptors = true;
            return this;
        }

        /** Adds a second top-level directory to the sdist. */
        public Builder twoTopLevelDirs() {
            twoTopLevelDirs = true;
            return this;
        }

        /** Stores the wheel's members uncompressed, so their bytes appear verbatim in the file (still no descriptors). */
        public Builder stored() {
            stored = true;
            return this;
        }

        /** Adds an sdist member of the GNU sparse type ('S'), which PyPI refuses. */
        public Builder withSparseMember() {
            sparseMember = true;
            return this;
        }

        /**
         * A member at exactly this archive path, with no top-level directory or parent directory entries added: for
         * hostile names such as {@code ../evil.py} or {@code /etc/evil}, kept as written.
         */
        public Builder rawMember(String archivePath, String content) {
            rawMembers.put(archivePath, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** An sdist member that is a symbolic link (or a hard link) at exactly this archive path. */
        public Builder link(String archivePath, String target, boolean symbolic) {
            links.add(new String[] {archivePath, target, symbolic ? "symbolic" : "hard"});
            return this;
        }

        /** The PEP 503 normalized name with '_' for '-': file name and import name. */
        public String filenameForm() {
            return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT).replace('-', '_');
        }

        public String filename() {
            if (filename != null) {
                return filename;
            }
            if (wheel) {
                return filenameForm() + "-" + version + (buildTag == null ? "" : "-" + buildTag) + "-" + pythonTag
                        + "-" + abiTag + "-" + platformTag + ".whl";
            }
            return filenameForm() + "-" + version + ".tar.gz";
        }

        /** The METADATA / PKG-INFO text this builder writes. */
        public String metadataText() {
            StringBuilder out = new StringBuilder();
            out.append("Metadata-Version: ").append(metadataVersion).append('\n');
            out.append("Name: ").append(name).append('\n');
            out.append("Version: ").append(version).append('\n');
            for (String[] field : fields) {
                out.append(field[0]).append(": ").append(field[1].replace("\n", "\n        ")).append('\n');
            }
            if (description != null && descriptionContentType != null) {
                out.append("Description-Content-Type: ").append(descriptionContentType).append('\n');
            }
            if (description != null) {
                out.append('\n').append(description);
            }
            return out.toString();
        }

        private byte[] metadataBytes() {
            return rawMetadata != null ? rawMetadata : metadataText().getBytes(StandardCharsets.UTF_8);
        }

        private Map<String, byte[]> sources() {
            Map<String, byte[]> sources = new LinkedHashMap<>(modules);
            if (sources.isEmpty()) {
                sources.put(filenameForm() + "/__init__.py",
                        ("\"\"\"Test package " + name + ".\"\"\"\n").getBytes(StandardCharsets.UTF_8));
            }
            return sources;
        }

        /** Writes the file into {@code dir} (created if needed) and returns its path. */
        public Path writeTo(Path dir) {
            return write(dir.resolve(filename()), toBytes());
        }

        /** The file's bytes, for tests that send them without a file. */
        public byte[] toBytes() {
            if (stored && dataDescriptors) {
                throw new IllegalStateException("stored() and withDataDescriptors() exclude each other: the ZIP writer"
                        + " needs the sizes of STORED members before their data, so it writes no descriptor for them");
            }
            try {
                return wheel ? wheelBytes() : sdistBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write test distribution " + filename(), e);
            }
        }

        private String distInfo() {
            if (distInfoDirectory != null) {
                return distInfoDirectory;
            }
            String[] parts = filename().split("-", 3);
            return parts.length >= 2 ? parts[0] + "-" + parts[1] + ".dist-info" : filenameForm() + "-" + version
                    + ".dist-info";
        }

        private byte[] wheelBytes() throws IOException {
            if (!links.isEmpty()) {
                throw new IllegalStateException("links are tar members: a wheel has none");
            }
            Map<String, byte[]> members = new LinkedHashMap<>(sources());
            members.putAll(rawMembers);
            String distInfo = distInfo();
            if (!omitMetadata) {
                members.put(distInfo + "/METADATA", metadataBytes());
            }
            if (!omitWheelFile) {
                members.put(distInfo + "/WHEEL", wheelFile().getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> license : licenseFiles.entrySet()) {
                members.put(distInfo + "/licenses/" + license.getKey(), license.getValue());
            }
            if (!omitRecord) {
                StringBuilder record = new StringBuilder();
                for (Map.Entry<String, byte[]> member : members.entrySet()) {
                    record.append(member.getKey()).append(",sha256=").append(recordHash(member.getValue())).append(',')
                            .append(member.getValue().length).append('\n');
                }
                record.append(distInfo).append("/RECORD,,\n");
                members.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            // A seekable channel lets the writer patch sizes into local headers instead of writing data descriptors.
            SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
            try (ZipArchiveOutputStream zip = dataDescriptors ? new ZipArchiveOutputStream(stream)
                    : new ZipArchiveOutputStream(channel)) {
                for (Map.Entry<String, byte[]> member : members.entrySet()) {
                    ZipArchiveEntry entry = new ZipArchiveEntry(member.getKey());
                    entry.setMethod(stored ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
                    entry.setTime(ZIP_TIME);
                    entry.setUnixMode(0100644);
                    putEntry(zip, entry, member.getValue());
                }
            }
            return dataDescriptors ? stream.toByteArray() : Arrays.copyOf(channel.array(), (int) channel.size());
        }

        private String wheelFile() {
            StringBuilder out = new StringBuilder("Wheel-Version: 1.0\nGenerator: pypi-maven-plugin TestDistributions\n");
            out.append("Root-Is-Purelib: ").append(platformTag.equals("any")).append('\n');
            if (buildTag != null) {
                out.append("Build: ").append(buildTag).append('\n');
            }
            for (String python : pythonTag.split("\\.")) {
                for (String abi : abiTag.split("\\.")) {
                    for (String platform : platformTag.split("\\.")) {
                        out.append("Tag: ").append(python).append('-').append(abi).append('-').append(platform)
                                .append('\n');
                    }
                }
            }
            return out.toString();
        }

        private byte[] sdistBytes() throws IOException {
            String top = filenameForm() + "-" + version;
            Map<String, byte[]> members = new LinkedHashMap<>();
            if (!omitMetadata) {
                members.put(top + "/PKG-INFO", metadataBytes());
            }
            members.put(top + "/pyproject.toml", pyprojectToml().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> source : sources().entrySet()) {
                members.put(top + "/" + source.getKey(), source.getValue());
            }
            for (Map.Entry<String, byte[]> license : licenseFiles.entrySet()) {
                members.put(top + "/" + license.getKey(), license.getValue());
            }
            if (twoTopLevelDirs) {
                members.put("other-1.0/README.txt", "a second top-level directory\n".getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // The JDK's gzip writer puts a zero timestamp in the header, so the bytes are reproducible.
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out),
                    StandardCharsets.UTF_8.name())) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                List<String> directories = new ArrayList<>();
                for (Map.Entry<String, byte[]> member : members.entrySet()) {
                    String path = member.getKey();
                    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                        String directory = path.substring(0, slash + 1);
                        if (!directories.contains(directory)) {
                            directories.add(directory);
                            putEntry(tar, tarEntry(directory, 040755, 0), null);
                        }
                    }
                    putEntry(tar, tarEntry(path, 0100644, member.getValue().length), member.getValue());
                }
                if (sparseMember) {
                    TarArchiveEntry sparse = new TarArchiveEntry(top + "/sparse.bin", TarConstants.LF_GNUTYPE_SPARSE);
                    sparse.setModTime(TAR_TIME);
                    putEntry(tar, sparse, null);
                }
                for (Map.Entry<String, byte[]> raw : rawMembers.entrySet()) {
                    TarArchiveEntry entry = new TarArchiveEntry(raw.getKey(), true); // keeps a leading '/'
                    entry.setMode(0100644);
                    entry.setSize(raw.getValue().length);
                    entry.setModTime(TAR_TIME);
                    putEntry(tar, entry, raw.getValue());
                }
                for (String[] link : links) {
                    TarArchiveEntry entry = new TarArchiveEntry(link[0], link[2].equals("symbolic")
                            ? TarConstants.LF_SYMLINK : TarConstants.LF_LINK, true);
                    entry.setLinkName(link[1]);
                    entry.setModTime(TAR_TIME);
                    putEntry(tar, entry, null);
                }
            }
            return out.toByteArray();
        }

        private static TarArchiveEntry tarEntry(String path, int mode, long size) {
            TarArchiveEntry entry = new TarArchiveEntry(path);
            entry.setMode(mode);
            entry.setSize(size);
            entry.setModTime(TAR_TIME);
            entry.setUserId(0);
            entry.setGroupId(0);
            entry.setUserName("");
            entry.setGroupName("");
            return entry;
        }

        private String pyprojectToml() {
            String summary = fields.stream().filter(f -> f[0].equalsIgnoreCase("Summary")).map(f -> f[1]).findFirst()
                    .orElse("Test package " + name);
            return "[build-system]\n"
                    + "requires = [\"flit_core >=3.2,<4\"]\n"
                    + "build-backend = \"flit_core.buildapi\"\n\n"
                    + "[project]\n"
                    + "name = \"" + name + "\"\n"
                    + "version = \"" + version + "\"\n"
                    + "description = \"" + summary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
        }
    }

    private static <E extends org.apache.commons.compress.archivers.ArchiveEntry> void putEntry(
            ArchiveOutputStream<E> out, E entry, byte[] content) throws IOException {
        out.putArchiveEntry(entry);
        if (content != null) {
            out.write(content);
        }
        out.closeArchiveEntry();
    }

    /** RECORD's hash form: urlsafe base64 of the SHA-256, without padding. */
    private static String recordHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
