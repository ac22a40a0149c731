package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.pypimaven.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionValidatorTest {

    private final DistributionReader reader = new DistributionReader();
    private final DistributionValidator validator = new DistributionValidator();

    @TempDir
    Path dir;

    private Distribution read(TestDistributions.Builder builder) {
        return reader.read(builder.writeTo(dir));
    }

    private static TestDistributions.Builder wheel() {
        return TestDistributions.wheel("my-package", "1.0.0");
    }

    /** Asserts exactly one problem, of this rule, whose message names the file and contains the given text. */
    private static Problem only(List<Problem> problems, ValidationRule rule, String filename, String text) {
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(rule, p.rule(), p.toString());
        assertEquals(filename, p.filename());
        assertTrue(p.message().contains(filename), p.message());
        assertTrue(p.message().contains(text), p.message());
        assertTrue(p.toString().contains("[" + rule.id() + "]"));
        return p;
    }

    private List<Problem> check(TestDistributions.Builder builder) {
        return validator.check(read(builder));
    }

    private static final String WHL = "my_package-1.0.0-py3-none-any.whl";

    static Stream<Arguments> validFiles() {
        return Stream.of(
                arguments("every field PyPI checks", wheel().metadataVersion("2.4").field("Summary", "s")
                        .field("License-Expression", "MIT").licenseFile("LICENSE", "MIT").field("Keywords", "a,b")
                        .field("Project-URL", "Source, https://example.org")
                        .description("# x", "text/markdown; variant=GFM")),
                arguments("a requirement with a marker", wheel().field("Requires-Dist",
                        "foo>=1; python_version >= '3.8'")),
                arguments("a file name with an equal version", wheel().filename("my_package-1.0-py3-none-any.whl")),
                arguments("an allowed plain linux tag", wheel().pythonTag("cp312").abiTag("cp312")
                        .platformTag("linux_armv7l")),
                arguments("aiohttp's Matrix chat URL, a fragment with '#' and ':'", wheel().metadataVersion("2.4")
                        .field("Project-URL", "Chat: Matrix, https://matrix.to/#/#aio-libs:matrix.org")
                        .field("Home-page", "https://github.com/aio-libs/aiohttp")),
                arguments("a manylinux tag set", wheel().pythonTag("cp312").abiTag("cp312")
                        .platformTag("manylinux_2_17_x86_64.manylinux2014_x86_64")),
                arguments("a macOS universal2 tag", wheel().pythonTag("cp312").abiTag("cp312")
                        .platformTag("macosx_10_13_universal2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void validFiles(String what, TestDistributions.Builder file) {
        assertEquals(List.of(), check(file));
    }

    /** One file, one broken rule: the problem names the file and says what is wrong. */
    static Stream<Arguments> oneProblem() {
        String linux = "my_package-1.0.0-cp312-cp312-linux_x86_64.whl";
        return Stream.of(
                arguments(wheel().metadataVersion("2.0"), ValidationRule.METADATA_VERSION, WHL, "2.0 was never"),
                arguments(wheel().metadataVersion("2.6"), ValidationRule.METADATA_VERSION, WHL, "'2.6'"),
                arguments(TestDistributions.wheel("my-package", "1.0+local"), ValidationRule.LOCAL_VERSION,
                        "my_package-1.0+local-py3-none-any.whl", "PyPI refuses local versions"),
                arguments(wheel().metadataVersion("2.1").field("License-Expression", "MIT"),
                        ValidationRule.FIELD_TOO_NEW, WHL,
                        "License-Expression was introduced in Metadata-Version 2.4 but " + WHL + " declares 2.1"),
                arguments(wheel().field("Summary", "x".repeat(513)), ValidationRule.SUMMARY, WHL, "at most 512"),
                arguments(wheel().field("Summary", "one\ntwo"), ValidationRule.SUMMARY, WHL, "several lines"),
                arguments(wheel().metadataVersion("2.4").field("License", "MIT").field("License-Expression", "MIT"),
                        ValidationRule.LICENSE_WITH_EXPRESSION, WHL, "both License and License-Expression"),
                arguments(wheel().field("Project-URL", "L".repeat(33) + ", https://x.org"), ValidationRule.PROJECT_URL,
                        WHL, "at most 32"),
                arguments(wheel().field("Project-URL", "https://x.org"), ValidationRule.PROJECT_URL, WHL,
                        "has no URL (no comma after the label)"),
                arguments(wheel().field("Project-URL", ", https://x.org"), ValidationRule.PROJECT_URL, WHL,
                        "has no label"),
                arguments(wheel().field("Project-URL", "Home, not a url"), ValidationRule.PROJECT_URL, WHL,
                        "has no scheme; PyPI accepts only http:// and https:// URLs"),
                arguments(wheel().field("Project-URL", "Home, ftp://x.org"), ValidationRule.PROJECT_URL, WHL,
                        "uses the scheme 'ftp'"),
                arguments(wheel().field("Home-page", "https://x.org/a[1]"), ValidationRule.METADATA_URL, WHL,
                        "Home-page 'https://x.org/a[1]': the URL has '[' and ']' in its path"),
                arguments(wheel().field("Download-URL", "https://x.org:70000/"), ValidationRule.METADATA_URL, WHL,
                        "has the port 70000; ports go up to 65535"),
                arguments(wheel().description("x", "text/markdown; charset=utf-8"),
                        ValidationRule.DESCRIPTION_CONTENT_TYPE, WHL, "written in capitals"),
                arguments(wheel().metadataVersion("2.2").field("Dynamic", "Dynamic"), ValidationRule.DYNAMIC, WHL,
                        "never are"),
                arguments(wheel().field("Provides-Extra", "-bad"), ValidationRule.PROVIDES_EXTRA, WHL,
                        "'-bad' is not a valid extra name"),
                arguments(wheel().metadataVersion("2.5").field("Import-Name", "my_package.class"),
                        ValidationRule.IMPORT_NAME, WHL, "'class' is a Python keyword"),
                arguments(wheel().metadataVersion("2.5").field("Import-Name", "my_package; public"),
                        ValidationRule.IMPORT_NAME, WHL, "the only option after ';' is 'private'"),
                arguments(wheel().field("Project-URL", "A, https://a.org").field("Project-URL", "A, https://b.org"),
                        ValidationRule.PROJECT_URL, WHL, "repeats the label"),
                arguments(wheel().field("Requires-Dist", "foo[bar] @ https://example.org/foo.whl"),
                        ValidationRule.DIRECT_URL_REQUIREMENT, WHL, "direct URL reference"),
                arguments(wheel().description("x", "text/html"), ValidationRule.DESCRIPTION_CONTENT_TYPE, WHL,
                        "use text/markdown, text/x-rst or text/plain"),
                arguments(wheel().description("x", "text/plain; charset=latin-1"),
                        ValidationRule.DESCRIPTION_CONTENT_TYPE, WHL, "accepts only 'UTF-8'"),
                arguments(wheel().description("x", "text/markdown; variant=Original"),
                        ValidationRule.DESCRIPTION_CONTENT_TYPE, WHL, "GFM or CommonMark"),
                arguments(wheel().metadataVersion("2.2").field("Dynamic", "Version"), ValidationRule.DYNAMIC, WHL,
                        "never"),
                arguments(wheel().metadataVersion("2.2").field("Dynamic", "Bogus"), ValidationRule.DYNAMIC, WHL,
                        "not a core metadata field"),
                arguments(wheel().filename("My_Package-1.0.0-py3-none-any.whl"), ValidationRule.FILENAME_NAME,
                        "My_Package-1.0.0-py3-none-any.whl",
                        "should contain the normalized project name 'my_package', not 'My_Package'"),
                arguments(wheel().filename("other-1.0.0-py3-none-any.whl"), ValidationRule.FILENAME_NAME,
                        "other-1.0.0-py3-none-any.whl", "start with 'my_package'"),
                arguments(wheel().filename("my_package-1.0.1-py3-none-any.whl"), ValidationRule.FILENAME_VERSION,
                        "my_package-1.0.1-py3-none-any.whl", "'1.0.1' but the metadata says '1.0.0'"),
                arguments(TestDistributions.sdist("my-package", "1.0.0").filename("my-package-1.0.0.tar.gz"),
                        ValidationRule.SDIST_FILENAME, "my-package-1.0.0.tar.gz", "should be 'my_package-1.0.0.tar.gz'"),
                arguments(wheel().pythonTag("cp312").abiTag("cp312").platformTag("linux_x86_64"),
                        ValidationRule.PLATFORM_TAG, linux, "auditwheel"),
                arguments(wheel().pythonTag("cp312").abiTag("cp312").platformTag("macosx_11_1_arm64"),
                        ValidationRule.PLATFORM_TAG, "my_package-1.0.0-cp312-cp312-macosx_11_1_arm64.whl",
                        "unsupported platform tag 'macosx_11_1_arm64': from macOS 11 on, PyPI accepts only"
                        + " macosx_11_0_arm64"),
                arguments(wheel().pythonTag("cp312").abiTag("cp312").platformTag("freebsd_14_0_amd64"),
                        ValidationRule.PLATFORM_TAG, "my_package-1.0.0-cp312-cp312-freebsd_14_0_amd64.whl",
                        "PyPI accepts only any, win32"),
                arguments(wheel().withDataDescriptors(), ValidationRule.ZIP_DATA_DESCRIPTOR, WHL,
                        "ZIP contains a data descriptor"),
                arguments(wheel().withoutRecord(), ValidationRule.WHEEL_CONTENTS, WHL,
                        "required RECORD file: my_package-1.0.0.dist-info/RECORD"),
                arguments(wheel().withoutWheelFile(), ValidationRule.WHEEL_CONTENTS, WHL, "required WHEEL file"),
                arguments(TestDistributions.sdist("my-package", "1.0.0").withSparseMember(),
                        ValidationRule.SPARSE_TAR_MEMBER, "my_package-1.0.0.tar.gz",
                        "Sparse members are not allowed (my_package-1.0.0/sparse.bin)"),
                arguments(wheel().metadataVersion("2.4").field("License-File", "COPYING"),
                        ValidationRule.LICENSE_FILE_MISSING, WHL, "at my_package-1.0.0.dist-info/licenses/COPYING"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {3}")
    @MethodSource
    void oneProblem(TestDistributions.Builder file, ValidationRule rule, String filename, String text) {
        only(check(file), rule, filename, text);
    }

    @Test
    void invalidNameAndVersion() {
        CoreMetadata m = CoreMetadataTest.parse("Metadata-Version: 2.1\nName: -bad-\nVersion: one\n");
        List<Problem> problems = validator.checkMetadata("x.whl", m);
        assertEquals(List.of(ValidationRule.NAME, ValidationRule.VERSION), problems.stream().map(Problem::rule).toList());
        assertTrue(problems.get(0).message().contains("x.whl") && problems.get(0).message().contains("'-bad-'"));
        assertTrue(problems.get(1).message().contains("x.whl") && problems.get(1).message().contains("PEP 440"));
    }

    /** packaging's License-File path rules, as pathlib on Windows and POSIX reads the path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "LICENSE           | none",
        "licenses/MIT.txt  | none",
        "C:LICENSE         | none",
        "../LICENSE        | has '..'; PyPI refuses parent directory references",
        "LICENSE*          | has '*'; PyPI wants the paths of the files, not glob patterns",
        "/LICENSE          | is absolute; PyPI wants paths relative to the project directory",
        "C:/LICENSE        | is absolute; PyPI wants paths relative to the project directory",
        "licenses\\MIT     | is not written plainly; PyPI wants '/' as the only separator, no empty or '.' parts and no trailing '/'",
        "./LICENSE         | is not written plainly; PyPI wants '/' as the only separator, no empty or '.' parts and no trailing '/'",
        "licenses//MIT     | is not written plainly; PyPI wants '/' as the only separator, no empty or '.' parts and no trailing '/'",
        "licenses/         | is not written plainly; PyPI wants '/' as the only separator, no empty or '.' parts and no trailing '/'",
    })
    void licenseFilePaths(String path, String why) {
        CoreMetadata m = CoreMetadataTest.parse("Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense-File: " + path
                + "\n");
        List<Problem> problems = validator.checkMetadata("a-1-py3-none-any.whl", m);
        assertEquals(why == null ? List.of() : List.of("a-1-py3-none-any.whl: License-File '" + path + "' " + why
                + ". Fix the license-files setting"), problems.stream().map(Problem::message).toList());
    }

    @Test
    void aFileWithAnInvalidNameIsReadAndReportedWithTheReleasesOtherProblems() {
        Distribution badName = read(TestDistributions.wheel("-bad-", "1.0.0").filename(WHL).metadataVersion("2.0")
                .withDataDescriptors());
        Distribution badVersion = read(TestDistributions.sdist("my-package", "one").filename("my_package-1.0.0.tar.gz"));
        Distribution duplicate = read(wheel().filename("my_package-1.0.0-py2.py3-none-any.whl"));
        List<Problem> problems = validator.checkRelease(List.of(badName, badVersion, duplicate, duplicate));
        assertEquals(List.of(ValidationRule.METADATA_VERSION, ValidationRule.NAME, ValidationRule.ZIP_DATA_DESCRIPTOR,
                ValidationRule.VERSION, ValidationRule.RELEASE_NAME, ValidationRule.RELEASE_NAME,
                ValidationRule.RELEASE_NAME),
                problems.stream().map(Problem::rule).toList(), problems.toString());
        assertEquals(WHL + ": Name '-bad-' is not a valid project name: it must start and end with an ASCII letter or"
                + " digit and contain only letters, digits, '.', '_' and '-' [name]", problems.get(1).toString());
        assertTrue(problems.get(3).message().contains("my_package-1.0.0.tar.gz: Version 'one' is not a valid PEP 440"),
                problems.get(3).message());

        DistributionException e = assertThrows(DistributionException.class, badName::name);
        assertTrue(e.getMessage().startsWith(WHL + ": Name '-bad-' is not a valid project name"), e.getMessage());
        e = assertThrows(DistributionException.class, badVersion::version);
        assertTrue(e.getMessage().startsWith("my_package-1.0.0.tar.gz: Version 'one' is not a valid PEP 440"),
                e.getMessage());
    }

    @Test
    void anInvalidVersionIsComparedAsWrittenBetweenFiles() {
        Distribution a = read(TestDistributions.wheel("my-package", "one").filename(WHL));
        Distribution b = read(TestDistributions.sdist("my-package", "one").filename("my_package-1.0.0.tar.gz"));
        Distribution c = read(TestDistributions.sdist("my-package", "two").filename("my_package-2.0.0.tar.gz"));
        assertEquals(List.of(ValidationRule.VERSION, ValidationRule.VERSION),
                validator.checkRelease(List.of(a, b)).stream().map(Problem::rule).toList());
        only(validator.checkConsistency(List.of(a, c)), ValidationRule.RELEASE_VERSION, "my_package-2.0.0.tar.gz",
                "is version two but " + WHL + " is version one");
    }

    @Test
    void licenseFileUnder24IsANoteNotAProblem() {
        Distribution d = read(wheel().metadataVersion("2.1").licenseFile("LICENSE", "MIT"));
        assertEquals(List.of(), validator.check(d));
        assertTrue(validator.notes(d).stream().anyMatch(n -> n.contains(WHL) && n.contains("License-File")));
    }

    @Test
    void zipCompressionOtherThanStoredOrDeflated() {
        Distribution d = read(wheel());
        ArchiveContents c = d.contents();
        Distribution bzip2 = withContents(d, new ArchiveContents(c.root(), c.entryNames(), List.of(),
                Map.of("my_package/__init__.py", 12), List.of()));
        only(validator.check(bzip2), ValidationRule.ZIP_COMPRESSION, WHL, "method 12");
    }

    private static TestDistributions.Builder sdist() {
        return TestDistributions.sdist("my-package", "1.0.0");
    }

    private static final String SDIST = "my_package-1.0.0.tar.gz";

    static Stream<Arguments> unsafeMembers() {
        return Stream.of(
                arguments(wheel().rawMember("../evil.py", ""), WHL, "'../evil.py' climbs out of the archive"),
                arguments(wheel().rawMember("my_package/../../evil.py", ""), WHL, "climbs out of the archive"),
                arguments(wheel().rawMember("/etc/evil.py", ""), WHL, "'/etc/evil.py' is an absolute path"),
                arguments(wheel().rawMember("C:/evil.py", ""), WHL, "'C:/evil.py' is an absolute path"),
                arguments(wheel().rawMember("my_package/x\\..\\..\\evil.py", ""), WHL, "contains a backslash"),
                arguments(wheel().rawMember("my_package/a\n::warning::pwned.py", ""), WHL,
                        "'my_package/a ::warning::pwned.py' contains a control character"),
                arguments(sdist().module("../../evil.py", ""), SDIST, "'my_package-1.0.0/../../evil.py' climbs out"),
                arguments(sdist().rawMember("/etc/evil", ""), SDIST, "'/etc/evil' is an absolute path"),
                arguments(sdist().rawMember("../evil", ""), SDIST, "'../evil' climbs out"),
                arguments(sdist().link("my_package-1.0.0/passwd", "/etc/passwd", true), SDIST,
                        "links to the absolute path '/etc/passwd'"),
                arguments(sdist().link("my_package-1.0.0/up", "../../up", true), SDIST,
                        "links to '../../up', outside the archive"),
                arguments(sdist().link("my_package-1.0.0/hard", "../hard", false), SDIST,
                        "links to '../hard', outside the archive"));
    }

    @ParameterizedTest
    @MethodSource
    void unsafeMembers(TestDistributions.Builder file, String filename, String text) {
        Problem p = only(check(file), ValidationRule.ARCHIVE_MEMBER, filename, text);
        assertEquals(1, p.message().lines().count(), p.message());
        assertTrue(p.message().contains("Rebuild the distribution"), p.message());
    }

    /** A value quoted from the metadata cannot start a line of the failure: every problem is one line. */
    @Test
    void problemsQuotingTheFileStayOnOneLine() {
        Distribution d = read(wheel().rawMetadata(("Metadata-Version: 2.1\nName: bad\n ::warning::pwned\n"
                + "Version: 1.0.0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<Problem> problems = validator.check(d);
        assertTrue(problems.stream().anyMatch(p -> p.rule() == ValidationRule.NAME), problems.toString());
        for (Problem p : problems) {
            assertEquals(1, p.toString().lines().count(), p.toString());
        }
        assertEquals(1, d.toString().lines().count(), d.toString());
    }

    @Test
    void linksInsideTheArchiveAreFine() {
        assertEquals(List.of(), check(sdist().link("my_package-1.0.0/alias.py", "my_package/__init__.py", true)
                .link("my_package-1.0.0/copy.py", "my_package-1.0.0/my_package/__init__.py", false)));
    }

    @Test
    void sparseTarMembers() {
        Distribution d = read(wheel());
        Distribution sparse = new Distribution(d.path(), "my_package-1.0.0.tar.gz", DistributionKind.SDIST,
                d.metadata(), d.digests(), d.size(),
                new ArchiveContents("my_package-1.0.0", List.of("my_package-1.0.0/PKG-INFO", "my_package-1.0.0/big"),
                        List.of(), Map.of(), List.of("my_package-1.0.0/big")));
        only(validator.check(sparse), ValidationRule.SPARSE_TAR_MEMBER, "my_package-1.0.0.tar.gz",
                "Sparse members are not allowed");
    }

    // --- release level ---

    private static Distribution withContents(Distribution d, ArchiveContents contents) {
        return new Distribution(d.path(), d.filename(), d.kind(), d.metadata(), d.digests(), d.size(), contents);
    }

    private static Distribution asSdist(Distribution d, String filename) {
        return new Distribution(d.path(), filename, DistributionKind.SDIST, d.metadata(), d.digests(), d.size(),
                d.contents());
    }

    @Test
    void releaseFilesShareOneNameAndVersion() {
        Distribution a = read(wheel());
        Distribution other = read(TestDistributions.wheel("other", "1.0.0"));
        Distribution newer = read(TestDistributions.wheel("my-package", "1.0.1"));
        List<Problem> problems = validator.checkConsistency(List.of(a, other, newer));
        assertEquals(List.of(ValidationRule.RELEASE_NAME, ValidationRule.RELEASE_VERSION),
                problems.stream().map(Problem::rule).toList());
        assertTrue(problems.get(0).message().contains(other.filename()) && problems.get(0).message().contains(WHL));
        assertTrue(problems.get(1).message().contains(newer.filename()) && problems.get(1).message().contains("1.0.1"));
    }

    @Test
    void atMostOneSdist() {
        Distribution w = read(wheel());
        List<Problem> problems = validator.checkConsistency(List.of(w, asSdist(w, "my_package-1.0.0.tar.gz"),
                asSdist(w, "my_package-1.0.tar.gz")));
        only(problems, ValidationRule.SECOND_SDIST, "my_package-1.0.tar.gz", "only one sdist");
    }

    @Test
    void sameFilenameTwice() throws IOException {
        Distribution w = read(wheel());
        assertEquals(List.of(), validator.checkConsistency(List.of(w, w)), "the same file twice is uploaded once");
        Path copy = Files.copy(w.path(), Files.createDirectory(dir.resolve("copy")).resolve(WHL));
        assertEquals(List.of(), validator.checkConsistency(List.of(w, reader.read(copy))),
                "the same bytes twice are uploaded once");
        Path other = Files.writeString(Files.createDirectory(dir.resolve("other")).resolve(WHL), "other bytes");
        Distribution changed = new Distribution(other, w.filename(), w.kind(), w.metadata(), FileDigests.of(other),
                w.size(), w.contents());
        only(validator.checkConsistency(List.of(w, changed)), ValidationRule.DUPLICATE_FILENAME, WHL,
                "twice with different contents");
    }

    @Test
    void requireValidListsEveryProblemOfTheRelease() {
        Distribution bad = read(wheel().metadataVersion("2.0").withDataDescriptors());
        DistributionException e = assertThrows(DistributionException.class,
                () -> validator.requireValid(List.of(bad, bad)));
        assertTrue(e.getMessage().startsWith("4 problems found; nothing was uploaded"), e.getMessage());
        assertTrue(e.getMessage().contains("[metadata-version]") && e.getMessage().contains("[zip-data-descriptor]"),
                e.getMessage());
        Distribution good = read(wheel());
        assertEquals(List.of(good), validator.requireValid(List.of(good, good)));
    }

    @Test
    void whatPyPIAcceptsButLooksWrongIsAWarning() {
        Distribution d = read(wheel().field("Summary", "a").field("Summary", "b").field("Keywords", "a")
                .field("Keywords", "b").field("Home-page", "https://exa mple.org/")
                .field("Project-URL", "Chat: Matrix, https://matrix.to/#/#aio-libs:matrix.org"));
        assertEquals(List.of(), validator.check(d));
        List<String> warnings = validator.warnings(d);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(WHL + ": Summary appears 2 times") && warnings.get(0).contains("first value"),
                warnings.get(0));
        assertTrue(warnings.get(1).contains("Keywords appears 2 times") && warnings.get(1).contains("one Keywords"),
                warnings.get(1));
        assertTrue(warnings.get(2).contains("Home-page 'https://exa mple.org/'") && warnings.get(2).contains(
                "PyPI accepts it, but the link will not work"), warnings.get(2));
    }
}
