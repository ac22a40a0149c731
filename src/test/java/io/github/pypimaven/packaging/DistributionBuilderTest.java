package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.archive.TarEntries;
import io.github.pypimaven.testing.archive.ZipRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionBuilderTest {

    @TempDir
    Path dir;

    private final DistributionBuilder builder = new DistributionBuilder();

    /** A small project with a package, a subpackage, data, and every kind of file that must be left out. */
    static void createProject(Path dir) throws IOException {
        write(dir, "src/main/python/demo_tool/__init__.py", "__version__ = '1.2.0'\n\ndef hello():\n    return 'hello'\n");
        write(dir, "src/main/python/demo_tool/cli.py", "def main():\n    print('hi')\n");
        write(dir, "src/main/python/demo_tool/sub/__init__.py", "");
        write(dir, "src/main/python/demo_tool/sub/data.json", "{\"a\": 1}\n");
        write(dir, "src/main/python/demo_tool/__pycache__/cli.cpython-311.pyc", "x");
        write(dir, "src/main/python/demo_tool/cli.pyc", "x");
        write(dir, "src/main/python/demo_tool/cli.pyo", "x");
        write(dir, "src/main/python/demo_tool/cli$py.class", "x");
        write(dir, "src/main/python/demo_tool/.hidden", "x");
        write(dir, "src/main/python/.idea/workspace.xml", "x");
        write(dir, "src/main/python/requirements.txt", "ignored at the top level");
        write(dir, "LICENSE", "Apache License 2.0 text\n");
        write(dir, "README.md", "# demo\n");
    }

    static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static BuildRequest request(Path dir, String pythonTag, String timestamp) {
        PomFacts pom = new PomFacts("org.example", "demo-tool", "1.2.0-SNAPSHOT", "A demo.", null,
                List.of("Apache-2.0"), null, null, List.of());
        PackageOptions options = new PackageOptions(null, ">=3.7", null, List.of(), List.of("demo=demo_tool.cli:main"),
                "README.md", null);
        return new BuildRequest(dir, dir.resolve("src/main/python"), dir.resolve("target/dist"), pom, options,
                pythonTag, timestamp, "pypi-maven-plugin 0.1.0-test", true);
    }

    @BeforeEach
    void project() throws IOException {
        createProject(dir);
    }

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void wheelHasSourcesDistInfoAndCorrectRecord() throws Exception {
        BuiltDistributions built = builder.build(request(dir, "py3", null));
        assertEquals("demo_tool-1.2.0.dev0-py3-none-any.whl", built.wheel().getFileName().toString());
        assertEquals("py3-none-any", built.wheelTag());
        Map<String, byte[]> entries = unzip(built.wheel());
        String info = "demo_tool-1.2.0.dev0.dist-info/";
        assertEquals(List.of("demo_tool/__init__.py", "demo_tool/cli.py", "demo_tool/sub/__init__.py",
                "demo_tool/sub/data.json", info + "METADATA", info + "WHEEL", info + "entry_points.txt",
                info + "licenses/LICENSE", info + "RECORD"), new ArrayList<>(entries.keySet()));
        assertEquals("""
                Wheel-Version: 1.0
                Generator: pypi-maven-plugin 0.1.0-test
                Root-Is-Purelib: true
                Tag: py3-none-any
                """, text(entries.get(info + "WHEEL")));
        assertEquals("[console_scripts]\ndemo = demo_tool.cli:main\n\n", text(entries.get(info + "entry_points.txt")));
        String metadata = text(entries.get(info + "METADATA"));
        assertTrue(metadata.startsWith("Metadata-Version: 2.4\nName: demo-tool\nVersion: 1.2.0.dev0\n"), metadata);
        assertTrue(metadata.contains("License-File: LICENSE\n"), metadata);

        // Recompute every RECORD row from the archive itself.
        List<String> rows = text(entries.get(info + "RECORD")).lines().toList();
        assertEquals(entries.size(), rows.size());
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            assertEquals(3, cells.length, row);
            if (cells[0].equals(info + "RECORD")) {
                assertEquals(info + "RECORD,,", row);
                continue;
            }
            byte[] content = entries.get(cells[0]);
            assertEquals(ArchiveFiles.recordHash(content), cells[1], row);
            assertEquals(String.valueOf(content.length), cells[2], row);
        }
        assertEquals(info + "RECORD,,", rows.get(rows.size() - 1));
    }

    @Test
    void compressedTagSetGivesOneTagLinePerTag() throws Exception {
        BuiltDistributions built = builder.build(request(dir, "py2.py3", null));
        assertEquals("demo_tool-1.2.0.dev0-py2.py3-none-any.whl", built.wheel().getFileName().toString());
        assertEquals("py2.py3-none-any", built.wheelTag());
        String wheel = text(unzip(built.wheel()).get("demo_tool-1.2.0.dev0.dist-info/WHEEL"));
        assertTrue(wheel.endsWith("Tag: py2-none-any\nTag: py3-none-any\n"), wheel);
        assertThrows(PackagingException.class, () -> builder.build(request(dir, "py3-none", null)));
    }

    @Test
    void zipPassesPyPiStructuralChecks() throws Exception {
        BuiltDistributions built = builder.build(request(dir, "py3", "2024-05-06T07:08:09Z"));
        byte[] zip = Files.readAllBytes(built.wheel());
        assertEquals(List.of(), ZipRecords.problems(zip));
        // PyPI accepts an archive comment, but a reproducible wheel has none: the end record closes the file.
        assertEquals(0x06054b50, java.nio.ByteBuffer.wrap(zip, zip.length - 22, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(), "no archive comment");
        List<ZipRecords.Entry> entries = ZipRecords.entries(zip);
        assertEquals(9, entries.size());
        long expectedLocalHeader = 0;
        for (ZipRecords.Entry e : entries) {
            assertEquals(0, e.flags() & 0x8, e.name());
            assertEquals(8, e.method(), e.name());
            assertEquals(0, e.extraLength(), e.name());
            // The local header repeats the central values exactly, and the entries follow each other with no gap.
            assertEquals(expectedLocalHeader, e.localHeaderOffset(), e.name());
            assertEquals(new ZipRecords.Local(e.name(), e.flags(), e.method(), e.crc(), e.compressedSize(), e.size(), 0),
                    e.local(), e.name());
            expectedLocalHeader = e.localHeaderOffset() + 30 + e.name().getBytes(StandardCharsets.UTF_8).length
                    + e.compressedSize();
            assertEquals(0100644, e.unixMode(), e.name());
            assertEquals(3, e.versionMadeBy() >> 8, "made on Unix: " + e.name());
            // DOS fields hold the UTC wall clock, 2024-05-06 07:08:08 (rounded down to even seconds).
            assertEquals(((2024 - 1980) << 9) | (5 << 5) | 6, e.dosDate(), e.name());
            assertEquals((7 << 11) | (8 << 5) | (8 / 2), e.dosTime(), e.name());
        }
    }

    @Test
    void zipCheckerCatchesWhatPyPiRejects() throws Exception {
        byte[] zip = Files.readAllBytes(builder.build(request(dir, "py3", null)).wheel());
        byte[] trailing = java.util.Arrays.copyOf(zip, zip.length + 3);
        assertEquals(List.of("Trailing data"), ZipRecords.problems(trailing));
        // java.util.zip writes data descriptors for deflated entries: the checker must see them.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("a.py"));
            out.write("x = 1\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals(List.of("ZIP contains a data descriptor"), ZipRecords.problems(bytes.toByteArray()));
    }

    @Test
    void sdistIsPaxTarWithOneTopDirectoryAndNormalizedEntries() throws Exception {
        write(dir, "src/main/python/demo_tool/a/very/long/path/that/goes/on/and/on/beyond/the/hundred/characters/of/ustar/module.py", "x = 1\n");
        BuiltDistributions built = builder.build(request(dir, "py3", "1700000000"));
        assertEquals("demo_tool-1.2.0.dev0.tar.gz", built.sdist().getFileName().toString());
        byte[] gz = Files.readAllBytes(built.sdist());
        assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "gzip mtime must be 0");
        assertEquals(0, gz[3] & 0x08, "no file name in the gzip header");

        String top = "demo_tool-1.2.0.dev0/";
        List<String> names = new ArrayList<>();
        Map<String, String> contents = new LinkedHashMap<>();
        boolean sawPaxHeader = false;
        for (TarEntries.Entry e : TarEntries.readTarGz(gz)) {
            names.add(e.name());
            assertEquals("ustar\u000000", e.magic(), "POSIX ustar/pax magic");
            assertTrue(e.type() == '0' || e.type() == '5', "no GNU long-name entries: " + e.type());
            sawPaxHeader |= e.hadPaxHeader();
            assertTrue(e.name().startsWith(top), e.name());
            assertEquals(e.isDirectory() ? 0755 : 0644, e.mode(), e.name());
            assertEquals(0, e.uid());
            assertEquals(0, e.gid());
            assertEquals("", e.userName());
            assertEquals("", e.groupName());
            assertEquals(1700000000L, e.mtime(), e.name());
            if (!e.isDirectory()) {
                contents.put(e.name().substring(top.length()), e.text());
            }
        }
        assertTrue(sawPaxHeader, "the long path needs a pax header");
        assertEquals(top, names.get(0));
        assertEquals(List.of("LICENSE", "PKG-INFO", "README.md", "hatch_build.py", "pyproject.toml",
                "src/demo_tool/__init__.py",
                "src/demo_tool/a/very/long/path/that/goes/on/and/on/beyond/the/hundred/characters/of/ustar/module.py",
                "src/demo_tool/cli.py", "src/demo_tool/sub/__init__.py", "src/demo_tool/sub/data.json"),
                new ArrayList<>(contents.keySet()));
        assertTrue(contents.get("PKG-INFO").startsWith("Metadata-Version: 2.4\nName: demo-tool\n"));
        String pyproject = contents.get("pyproject.toml");
        assertTrue(pyproject.contains("requires = [\"hatchling >=1.12, !=1.26.0\"]\nbuild-backend = \"hatchling.build\""),
                pyproject);
        assertTrue(pyproject.contains("only-include = [\"src\"]\nsources = [\"src\"]"), pyproject);
        assertTrue(pyproject.contains("license = \"Apache-2.0\"\nlicense-files = {paths = [\"LICENSE\"]}"), pyproject);
        assertTrue(contents.get("hatch_build.py").contains("build_data[\"tag\"] = \"py3-none-any\""));
        assertTrue(pyproject.contains("readme = {file = \"README.md\", content-type = \"text/markdown\"}"), pyproject);
        assertTrue(pyproject.contains("[project.scripts]\n\"demo\" = \"demo_tool.cli:main\""), pyproject);
        // The generated pyproject is valid TOML that reads back to the same metadata.
        var toml = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(pyproject);
        assertEquals("demo-tool", toml.at("/project/name").asText());
        assertEquals(">=3.7", toml.at("/project/requires-python").asText());
    }

    @Test
    void buildsAreReproducibleAndFollowTheTimestamp() throws Exception {
        BuiltDistributions first = builder.build(request(dir, "py3", "2024-01-01T00:00:00Z"));
        byte[] wheel1 = Files.readAllBytes(first.wheel());
        byte[] sdist1 = Files.readAllBytes(first.sdist());
        // Touch the sources: file system times must not leak into the archives.
        Files.setLastModifiedTime(dir.resolve("src/main/python/demo_tool/cli.py"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        BuiltDistributions second = builder.build(request(dir, "py3", "1704067200"));
        assertArrayEquals(wheel1, Files.readAllBytes(second.wheel()));
        assertArrayEquals(sdist1, Files.readAllBytes(second.sdist()));

        BuiltDistributions other = builder.build(request(dir, "py3", "2024-01-01T00:00:10Z"));
        assertFalse(java.util.Arrays.equals(wheel1, Files.readAllBytes(other.wheel())));
        assertFalse(java.util.Arrays.equals(sdist1, Files.readAllBytes(other.sdist())));

        BuiltDistributions unset = builder.build(request(dir, "py3", null));
        byte[] defaultWheel = Files.readAllBytes(unset.wheel());
        assertArrayEquals(defaultWheel, Files.readAllBytes(builder.build(request(dir, "py3", null)).wheel()));
        ZipRecords.Entry e = ZipRecords.entries(defaultWheel).get(0);
        assertEquals(1 << 5 | 1, e.dosDate(), "1980-01-01");
        assertEquals(1, e.dosTime(), "00:00:02");
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("target/dist"))) {
            assertEquals(2, files.count(), "no temp files left behind");
        }
    }

    @Test
    void sdistBytesDoNotDependOnTheUserWhoBuildsIt() throws Exception {
        // A long path makes the tar writer add pax headers, which are entries of their own with their own owner.
        write(dir, "src/main/python/demo_tool/" + "deep/".repeat(20) + "m\u00f6dule.py", "x = 1\n");
        String before = System.getProperty("user.name");
        byte[] alice;
        byte[] bob;
        try {
            System.setProperty("user.name", "alice-the-builder");
            alice = Files.readAllBytes(builder.build(request(dir, "py3", "1700000000")).sdist());
            System.setProperty("user.name", "bob-the-builder");
            bob = Files.readAllBytes(builder.build(request(dir, "py3", "1700000000")).sdist());
        } finally {
            System.setProperty("user.name", before);
        }
        assertArrayEquals(alice, bob);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(alice))) {
            String tar = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(tar.contains("the-builder"), "no user name in any header");
            assertTrue(tar.contains("PaxHeaders"), "the long and non-ASCII paths are in pax headers");
        }
    }

    @Test
    void badTimestampsAreClearErrors() {
        PackagingException e = assertThrows(PackagingException.class,
                () -> builder.build(request(dir, "py3", "yesterday")));
        assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
        assertThrows(PackagingException.class, () -> builder.build(request(dir, "py3", "1970-01-01T00:00:00Z")));
    }

    @Test
    void projectWithoutPythonSourcesIsAClearError() throws Exception {
        Path empty = dir.resolve("empty");
        write(empty, "src/main/python/notes.txt", "no python here");
        write(empty, "README.md", "x");
        PackagingException e = assertThrows(PackagingException.class, () -> builder.build(request(empty, "py3", null)));
        assertTrue(e.getMessage().contains("contains no .py file"), e.getMessage());
        assertTrue(e.getMessage().contains("pythonSourceDirectory"), e.getMessage());
        Path missing = dir.resolve("missing");
        write(missing, "README.md", "x");
        e = assertThrows(PackagingException.class, () -> builder.build(request(missing, "py3", null)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void severalTopLevelNamesGoIntoTheSdistAndTheWheel() throws Exception {
        write(dir, "src/main/python/other.py", "y = 2\n");
        BuiltDistributions both = builder.build(request(dir, "py3", null));
        assertTrue(unzip(both.wheel()).containsKey("other.py"));
        assertTrue(TarEntries.readTarGz(Files.readAllBytes(both.sdist())).stream()
                .anyMatch(e -> e.name().equals("demo_tool-1.2.0.dev0/src/other.py")));
        BuildRequest r = request(dir, "py3", null);
        BuiltDistributions wheelOnly = builder.build(new BuildRequest(r.baseDir(), r.sourceDirectory(),
                r.outputDirectory(), r.pom(), r.options(), r.pythonTag(), null, r.generator(), false));
        assertNull(wheelOnly.sdist());
        assertTrue(unzip(wheelOnly.wheel()).containsKey("other.py"));
    }

    @Test
    void metadataVersion22LeavesOutTheNewFields() throws Exception {
        BuiltDistributions built = builder.build(request(dir, "py3", null), "2.2");
        String metadata = text(unzip(built.wheel()).get("demo_tool-1.2.0.dev0.dist-info/METADATA"));
        assertTrue(metadata.startsWith("Metadata-Version: 2.2\n"), metadata);
        assertTrue(metadata.contains("License: Apache-2.0\n"), metadata);
        assertFalse(metadata.contains("License-File") || metadata.contains("License-Expression"), metadata);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
