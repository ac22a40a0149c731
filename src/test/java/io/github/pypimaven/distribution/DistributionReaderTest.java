package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.pypimaven.testing.TestDistributions;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionReaderTest {

    private final DistributionReader reader = new DistributionReader();

    @TempDir
    Path dir;

    static String hex(String algorithm, Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private DistributionException failure(Path file) {
        DistributionException e = assertThrows(DistributionException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        return e;
    }

    @Test
    void readsAWheel() throws Exception {
        Path file = TestDistributions.wheel("My.Package", "1.0.0").pythonTag("py2.py3").field("Summary", "s")
                .writeTo(dir);
        Distribution d = reader.read(file);
        assertEquals("my_package-1.0.0-py2.py3-none-any.whl", d.filename());
        assertEquals(DistributionKind.WHEEL, d.kind());
        assertEquals(new ProjectName("my-package"), d.name());
        assertEquals("My.Package", d.metadata().name());
        assertEquals(Pep440Version.parse("1.0"), d.version());
        assertEquals("py2.py3", d.pythonTag());
        assertEquals(hex("SHA-256", file), d.sha256());
        assertEquals(hex("MD5", file), d.md5());
        assertEquals(Files.size(file), d.size());
        assertEquals("my_package-1.0.0.dist-info", d.contents().root());
        assertTrue(d.contents().contains("my_package/__init__.py"));
        assertTrue(d.contents().dataDescriptorEntries().isEmpty());
    }

    @Test
    void readsAnSdist() throws Exception {
        Path file = TestDistributions.sdist("my-package", "1.0").licenseFile("LICENSE", "MIT").writeTo(dir);
        Distribution d = reader.read(file);
        assertEquals(DistributionKind.SDIST, d.kind());
        assertEquals("source", d.pythonTag());
        assertEquals("my_package-1.0", d.contents().root());
        assertTrue(d.containsLicenseFile("LICENSE"));
        assertEquals(hex("SHA-256", file), d.sha256());
    }

    /** Writes a broken file into the directory it is given. */
    @FunctionalInterface
    interface BrokenFile {
        Path writeTo(Path dir) throws IOException;
    }

    private static BrokenFile truncated(TestDistributions.Builder builder) {
        return dir -> {
            Path file = builder.writeTo(dir);
            byte[] bytes = Files.readAllBytes(file);
            return Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        };
    }

    static Stream<Arguments> unreadableFiles() {
        byte[] latin1 = "Metadata-Version: 2.1\nName: a\nVersion: 1.0\nAuthor: Ren\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                arguments("empty file", (BrokenFile) dir -> TestDistributions.emptyFile(dir, "a-1.0-py3-none-any.whl"),
                        List.of("empty")),
                arguments("not a ZIP", (BrokenFile) dir -> TestDistributions.garbage(dir, "a-1.0-py3-none-any.whl",
                        5000), List.of("not a valid ZIP archive")),
                arguments("truncated ZIP", truncated(TestDistributions.wheel("a", "1.0")),
                        List.of("not a valid ZIP archive")),
                arguments("not gzip", (BrokenFile) dir -> TestDistributions.garbage(dir, "a-1.0.tar.gz", 5000),
                        List.of("not gzip-compressed")),
                arguments("truncated .tar.gz", truncated(TestDistributions.sdist("a", "1.0")),
                        List.of("corrupt .tar.gz")),
                arguments("no METADATA", (BrokenFile) TestDistributions.wheel("a", "1.0").withoutMetadata()::writeTo,
                        List.of("a-1.0.dist-info/METADATA", "no .dist-info/METADATA at all")),
                arguments("METADATA under another .dist-info (renamed file)", (BrokenFile) TestDistributions
                        .wheel("a", "1.0").distInfoDirectory("A-1.0.dist-info")::writeTo,
                        List.of("a-1.0.dist-info/METADATA", "A-1.0.dist-info/METADATA instead")),
                arguments("no PKG-INFO", (BrokenFile) TestDistributions.sdist("a", "1.0").withoutMetadata()::writeTo,
                        List.of("PKG-INFO not found at a-1.0/PKG-INFO")),
                arguments("two top-level directories", (BrokenFile) TestDistributions.sdist("a", "1.0")
                        .twoTopLevelDirs()::writeTo, List.of("Incorrect number of top-level directories",
                        "found a-1.0 and other-1.0")),
                arguments("METADATA not UTF-8", (BrokenFile) TestDistributions.wheel("a", "1.0")
                        .rawMetadata(latin1)::writeTo, List.of("a-1.0.dist-info/METADATA", "not valid UTF-8")),
                arguments("no Name, Version or Metadata-Version", (BrokenFile) TestDistributions.wheel("a", "1.0")
                        .rawMetadata("Summary: nothing else\n".getBytes(StandardCharsets.UTF_8))::writeTo,
                        List.of("Metadata-Version, Name, Version")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unreadableFiles(String what, BrokenFile broken, List<String> expected) throws IOException {
        String message = failure(broken.writeTo(dir)).getMessage();
        for (String text : expected) {
            assertTrue(message.contains(text), message);
        }
    }

    /** A bad Name or Version is the validator's to report, with the release's other problems. */
    @Test
    void invalidNameAndVersionAreReadAsWritten() {
        Path file = TestDistributions.wheel("a", "1.0").filename("a-1.0-py3-none-any.whl")
                .rawMetadata("Metadata-Version: 2.1\nName: -a-\nVersion: one\n".getBytes(StandardCharsets.UTF_8))
                .writeTo(dir);
        Distribution d = reader.read(file);
        assertEquals("-a-", d.metadata().name());
        assertEquals(Optional.empty(), d.validName());
        assertEquals(Optional.empty(), d.validVersion());
        assertTrue(d.toString().contains("-a- one"), d.toString());
    }

    @Test
    void filesPyPiDoesNotAcceptAreRefusedWithTheReason() {
        Path zip = TestDistributions.garbage(dir, "a-1.0.zip", 10);
        assertTrue(failure(zip).getMessage().contains(".tar.gz"));
        Path jar = TestDistributions.garbage(dir, "a-1.0.jar", 10);
        assertTrue(failure(jar).getMessage().contains("not a Python distribution"));
    }

    /**
     * A file name is checked before any message names it, and a name that fails is shown on one line: its line break
     * and workflow command cannot start a log line of their own.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "a-1.0-py3-none-any\n::warning::pwned\n.whl",
        "a-1.0-1\n::warning::pwned-py3-none-any.whl",
        "a\n::warning::pwned-1.0.tar.gz",
        "a-1.0.tar.gz\n::warning::pwned.tar.gz",
        "a `x`\n## Heading-1.0.tar.gz",
        "a-1.0\n::warning::pwned.zip",
        "a-1.0\n::warning::pwned.jar",
    })
    void hostileFileNamesAreRefusedOnOneLine(String filename) throws IOException {
        Path file;
        try {
            file = Files.write(dir.resolve(filename), TestDistributions.wheel("a", "1.0").toBytes());
        } catch (java.nio.file.InvalidPathException e) {
            Assumptions.abort("this file system cannot name a file " + filename.replace("\n", "\\n"));
            return;
        }
        DistributionException e = assertThrows(DistributionException.class, () -> reader.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("::warning::pwned") || e.getMessage().contains("## Heading"), e.getMessage());
    }

    /** Unsafe member names are the validator's to report; they do not count as a second top-level directory. */
    @Test
    void unsafeSdistMembersDoNotCountAsTopLevelDirectories() {
        Path file = TestDistributions.sdist("a", "1.0").rawMember("../evil.py", "").rawMember("/etc/evil", "")
                .writeTo(dir);
        Distribution d = reader.read(file);
        assertEquals("a-1.0", d.contents().root());
        assertTrue(d.contents().entryNames().containsAll(List.of("../evil.py", "/etc/evil")), d.contents().toString());
    }

    @Test
    void ioFailuresBecomeActionableMessages() {
        Path file = dir.resolve("a-1.0.tar.gz");
        DistributionException denied = DistributionReader.unreadable(file, new AccessDeniedException(file.toString()));
        assertTrue(denied.getMessage().contains(file.toString()) && denied.getMessage().contains("permission denied"));
        assertTrue(failure(file).getMessage().contains("does not exist"));
    }

    @Test
    void dataDescriptorsAreRecorded() {
        Path file = TestDistributions.wheel("a", "1.0").withDataDescriptors().writeTo(dir);
        Distribution d = reader.read(file);
        assertEquals(d.contents().entryNames(), d.contents().dataDescriptorEntries());
    }

    /** 200 MB, mostly a hole: hashing streams it with a fixed buffer, so it finishes without the heap holding it. */
    @Test
    void hashesA200MegabyteFileInOneStreamingPass() throws Exception {
        Path file = dir.resolve("big.bin");
        long size = 200L * 1024 * 1024;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            for (long at = 0; at < size; at += 7L * 1024 * 1024 + 13) {
                raf.seek(at);
                raf.write(("chunk at " + at).getBytes(StandardCharsets.US_ASCII));
            }
        }
        FileDigests digests = FileDigests.of(file);
        assertEquals(size, digests.size());
        assertEquals(hex("SHA-256", file), digests.sha256());
        assertEquals(hex("MD5", file), digests.md5());
    }

    // --- real-world files from the shared fixtures ---

    /**
     * fixtures/pep740 of the shared directory, which the POM passes to the tests as the system property
     * pypimaven.shared (../shared of the project); empty when the property is unset or the directory absent.
     */
    static Optional<Path> sharedFixtures() {
        String shared = System.getProperty("pypimaven.shared");
        Path fixtures = shared == null ? null : Paths.get(shared, "fixtures", "pep740");
        return fixtures != null && Files.isDirectory(fixtures) ? Optional.of(fixtures) : Optional.empty();
    }

    private Path fixture(String name) {
        Optional<Path> shared = sharedFixtures();
        Assumptions.assumeTrue(shared.isPresent(), () -> "real-world fixture " + name + " skipped: no fixtures/pep740 in"
                + " the shared directory (system property pypimaven.shared, which the POM sets to ../shared; here "
                + System.getProperty("pypimaven.shared", "unset") + ")");
        return shared.get().resolve(name);
    }

    @Test
    void readsAndValidatesTheRealWheel() {
        Distribution d = reader.read(fixture("rfc8785-0.1.2-py3-none-any.whl"));
        assertEquals(new ProjectName("rfc8785"), d.name());
        assertEquals(Pep440Version.parse("0.1.2"), d.version());
        assertEquals("c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201", d.sha256());
        assertEquals("py3", d.pythonTag());
        assertEquals(List.of(), new DistributionValidator().check(d));
    }

    @Test
    void readsAndValidatesTheRealSdists() {
        Distribution a = reader.read(fixture("pypi_attestations-0.0.19.tar.gz"));
        assertEquals(new ProjectName("pypi-attestations"), a.name());
        assertEquals(Pep440Version.parse("0.0.19"), a.version());
        assertEquals("9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", a.sha256());
        Distribution g = reader.read(fixture("gitlab_oidc_project-0.0.3.tar.gz"));
        assertEquals(new ProjectName("gitlab-oidc-project"), g.name());
        assertEquals(Pep440Version.parse("0.0.3"), g.version());
        assertEquals("c1ca9b0d85df1606451098233018534497bf584362e10e4a8c21dfaea92c02a8", g.sha256());
        DistributionValidator validator = new DistributionValidator();
        assertEquals(List.of(), validator.check(a));
        assertEquals(List.of(), validator.check(g));
    }
}
