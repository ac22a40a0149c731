package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.TestDistributions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aValidWheelHasNoProblems() {
        assertEquals(List.of(), check(wheel().metadataVersion("2.4").field("Summary", "s")
                .field("License-Expression", "MIT").licenseFile("LICENSE", "MIT").field("Keywords", "a,b")
                .field("Project-URL", "Source, https://example.org").description("# x", "text/markdown; variant=GFM")));
    }

    @Test
    void metadataVersionsPyPiRefuses() {
        only(check(wheel().metadataVersion("2.0")), ValidationRule.METADATA_VERSION, WHL, "2.0 was never");
        only(check(wheel().metadataVersion("2.6")), ValidationRule.METADATA_VERSION, WHL, "'2.6'");
    }

    @Test
    void invalidNameAndVersion() {
        CoreMetadata m = CoreMetadataTest.parse("Metadata-Version: 2.1\nName: -bad-\nVersion: one\n");
        List<Problem> problems = validator.checkMetadata("x.whl", m);
        assertEquals(List.of(ValidationRule.NAME, ValidationRule.VERSION), problems.stream().map(Problem::rule).toList());
        assertTrue(problems.get(0).message().contains("x.whl") && problems.get(0).message().contains("'-bad-'"));
        assertTrue(problems.get(1).message().contains("x.whl") && problems.get(1).message().contains("PEP 440"));
    }

    @Test
    void localVersion() {
        only(check(TestDistributions.wheel("my-package", "1.0+local")), ValidationRule.LOCAL_VERSION,
                "my_package-1.0+local-py3-none-any.whl", "PyPI refuses local versions");
    }

    @Test
    void fieldNewerThanDeclaredMetadataVersion() {
        only(check(wheel().metadataVersion("2.1").field("License-Expression", "MIT")), ValidationRule.FIELD_TOO_NEW,
                WHL, "License-Expression was introduced in Metadata-Version 2.4 but " + WHL + " declares 2.1");
    }

    @Test
    void licenseFileUnder24IsANoteNotAProblem() {
        Distribution d = read(wheel().metadataVersion("2.1").licenseFile("LICENSE", "MIT"));
        assertEquals(List.of(), validator.check(d));
        assertTrue(validator.notes(d).stream().anyMatch(n -> n.contains(WHL) && n.contains("License-File")));
    }

    @Test
    void repeatedSingleUseField() {
        only(check(wheel().field("Summary", "a").field("Summary", "b")), ValidationRule.REPEATED_FIELD, WHL,
                "Summary appears 2 times");
    }

    @Test
    void repeatedKeywords() {
        only(check(wheel().field("Keywords", "a").field("Keywords", "b")), ValidationRule.KEYWORDS, WHL,
                "one comma-separated field");
    }

    @Test
    void summaryTooLongOrMultiline() {
        only(check(wheel().field("Summary", "x".repeat(513))), ValidationRule.SUMMARY, WHL, "at most 512");
        only(check(wheel().field("Summary", "one\ntwo")), ValidationRule.SUMMARY, WHL, "several lines");
    }

    @Test
    void licenseWithLicenseExpression() {
        only(check(wheel().metadataVersion("2.4").field("License", "MIT").field("License-Expression", "MIT")),
                ValidationRule.LICENSE_WITH_EXPRESSION, WHL, "both License and License-Expression");
    }

    @Test
    void projectUrls() {
        only(check(wheel().field("Project-URL", "L".repeat(33) + ", https://x.org")), ValidationRule.PROJECT_URL, WHL,
                "at most 32");
        only(check(wheel().field("Project-URL", "https://x.org")), ValidationRule.PROJECT_URL, WHL, "'Label, URL'");
        only(check(wheel().field("Project-URL", "Home, not a url")), ValidationRule.PROJECT_URL, WHL, "not a valid");
        only(check(wheel().field("Project-URL", "A, https://a.org").field("Project-URL", "A, https://b.org")),
                ValidationRule.PROJECT_URL, WHL, "repeats the label");
    }

    @Test
    void directUrlRequirement() {
        only(check(wheel().field("Requires-Dist", "foo[bar] @ https://example.org/foo.whl")),
                ValidationRule.DIRECT_URL_REQUIREMENT, WHL, "direct URL reference");
        assertEquals(List.of(), check(wheel().field("Requires-Dist", "foo>=1; python_version >= '3.8'")));
    }

    @Test
    void descriptionContentType() {
        only(check(wheel().description("x", "text/html")), ValidationRule.DESCRIPTION_CONTENT_TYPE, WHL,
                "text/plain, text/x-rst or text/markdown");
        only(check(wheel().description("x", "text/plain; charset=latin-1")), ValidationRule.DESCRIPTION_CONTENT_TYPE,
                WHL, "only UTF-8");
        only(check(wheel().description("x", "text/markdown; variant=Original")),
                ValidationRule.DESCRIPTION_CONTENT_TYPE, WHL, "GFM or CommonMark");
    }

    @Test
    void dynamic() {
        only(check(wheel().metadataVersion("2.2").field("Dynamic", "Version")), ValidationRule.DYNAMIC, WHL, "never");
        only(check(wheel().metadataVersion("2.2").field("Dynamic", "Bogus")), ValidationRule.DYNAMIC, WHL,
                "not a core metadata field");
    }

    @Test
    void wheelFilenameMustUseTheNormalizedName() {
        String filename = "My_Package-1.0.0-py3-none-any.whl";
        only(check(wheel().filename(filename)), ValidationRule.FILENAME_NAME, filename,
                "should contain the normalized project name 'my_package', not 'My_Package'");
        only(check(wheel().filename("other-1.0.0-py3-none-any.whl")), ValidationRule.FILENAME_NAME,
                "other-1.0.0-py3-none-any.whl", "start with 'my_package'");
    }

    @Test
    void wheelFilenameVersionMustMatch() {
        only(check(wheel().filename("my_package-1.0.1-py3-none-any.whl")), ValidationRule.FILENAME_VERSION,
                "my_package-1.0.1-py3-none-any.whl", "'1.0.1' but the metadata says '1.0.0'");
        assertEquals(List.of(), check(wheel().filename("my_package-1.0-py3-none-any.whl")));
    }

    @Test
    void sdistFilenameMustBeThePep625Form() {
        only(check(TestDistributions.sdist("my-package", "1.0.0").filename("my-package-1.0.0.tar.gz")),
                ValidationRule.SDIST_FILENAME, "my-package-1.0.0.tar.gz", "should be 'my_package-1.0.0.tar.gz'");
    }

    @Test
    void plainLinuxPlatformTag() {
        String filename = "my_package-1.0.0-cp312-cp312-linux_x86_64.whl";
        only(check(wheel().pythonTag("cp312").abiTag("cp312").platformTag("linux_x86_64")),
                ValidationRule.PLATFORM_TAG, filename, "auditwheel");
        assertEquals(List.of(), check(wheel().pythonTag("cp312").abiTag("cp312").platformTag("linux_armv7l")));
    }

    @Test
    void zipDataDescriptors() {
        only(check(wheel().withDataDescriptors()), ValidationRule.ZIP_DATA_DESCRIPTOR, WHL,
                "ZIP contains a data descriptor");
    }

    @Test
    void zipCompressionOtherThanStoredOrDeflated() {
        Distribution d = read(wheel());
        ArchiveContents c = d.contents();
        Distribution bzip2 = withContents(d, new ArchiveContents(c.root(), c.entryNames(), List.of(),
                Map.of("my_package/__init__.py", 12), List.of()));
        only(validator.check(bzip2), ValidationRule.ZIP_COMPRESSION, WHL, "method 12");
    }

    @Test
    void wheelWithoutRecordOrWheelFile() {
        only(check(wheel().withoutRecord()), ValidationRule.WHEEL_CONTENTS, WHL,
                "required RECORD file: my_package-1.0.0.dist-info/RECORD");
        only(check(wheel().withoutWheelFile()), ValidationRule.WHEEL_CONTENTS, WHL, "required WHEEL file");
    }

    @Test
    void sparseTarMembers() {
        Distribution d = read(wheel());
        Distribution sparse = new Distribution(d.path(), "my_package-1.0.0.tar.gz", DistributionKind.SDIST,
                d.metadata(), d.name(), d.version(), d.sha256(), d.md5(), d.size(),
                new ArchiveContents("my_package-1.0.0", List.of("my_package-1.0.0/PKG-INFO", "my_package-1.0.0/big"),
                        List.of(), Map.of(), List.of("my_package-1.0.0/big")));
        only(validator.check(sparse), ValidationRule.SPARSE_TAR_MEMBER, "my_package-1.0.0.tar.gz",
                "Sparse members are not allowed");
    }

    @Test
    void sparseTarMemberReadFromARealSdist() {
        only(check(TestDistributions.sdist("my-package", "1.0.0").withSparseMember()), ValidationRule.SPARSE_TAR_MEMBER,
                "my_package-1.0.0.tar.gz", "Sparse members are not allowed (my_package-1.0.0/sparse.bin)");
    }

    @Test
    void licenseFileMissingFromTheArchive() {
        only(check(wheel().metadataVersion("2.4").field("License-File", "COPYING")),
                ValidationRule.LICENSE_FILE_MISSING, WHL, "at my_package-1.0.0.dist-info/licenses/COPYING");
    }

    // --- release level ---

    private static Distribution withContents(Distribution d, ArchiveContents contents) {
        return new Distribution(d.path(), d.filename(), d.kind(), d.metadata(), d.name(), d.version(), d.sha256(),
                d.md5(), d.size(), contents);
    }

    private static Distribution asSdist(Distribution d, String filename) {
        return new Distribution(d.path(), filename, DistributionKind.SDIST, d.metadata(), d.name(), d.version(),
                d.sha256(), d.md5(), d.size(), d.contents());
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
    void sameFilenameTwice() {
        Distribution w = read(wheel());
        only(validator.checkConsistency(List.of(w, w)), ValidationRule.DUPLICATE_FILENAME, WHL, "twice");
    }

    @Test
    void requireValidListsEveryProblemOfTheRelease() {
        Distribution bad = read(wheel().metadataVersion("2.0").withDataDescriptors());
        DistributionException e = assertThrows(DistributionException.class,
                () -> validator.requireValid(List.of(bad, bad)));
        assertTrue(e.getMessage().startsWith("5 problems found; nothing was uploaded"), e.getMessage());
        assertTrue(e.getMessage().contains("[metadata-version]") && e.getMessage().contains("[zip-data-descriptor]")
                && e.getMessage().contains("[duplicate-filename]"), e.getMessage());
        validator.requireValid(List.of(read(wheel())));
    }
}
