package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** License-file globs (PEP 639) and readmes, relative to the project directory. */
class ProjectFilesTest {

    @TempDir
    Path base;

    @BeforeEach
    void project() throws IOException {
        for (String file : List.of("LICENSE", "COPYING.md", "NOTICE", "README.md", "README.rst", "notes.adoc",
                "legal/LICENSE", "legal/deep/LICENSE", ".github/LICENSE", ".hidden-LICENSE", "target/LICENSE",
                "sub/target/LICENSE", "sub/.cache/LICENSE")) {
            Path path = base.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file + "\n");
        }
    }

    private List<String> licenseFiles(boolean mustMatch, String... globs) throws PackagingException {
        return ProjectFiles.licenseFiles(base, List.of(globs), mustMatch, "Parameter licenseFiles");
    }

    @Test
    void theDefaultsPickTopLevelFilesAndMayMatchNothing() throws Exception {
        assertEquals(List.of("COPYING.md", "LICENSE", "NOTICE"),
                licenseFiles(false, PackageOptions.DEFAULT_LICENSE_FILES.toArray(String[]::new)));
        Path empty = Files.createDirectories(base.resolve("empty"));
        assertEquals(List.of(), ProjectFiles.licenseFiles(empty, PackageOptions.DEFAULT_LICENSE_FILES, false, "x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "**/LICENSE          | legal/LICENSE,legal/deep/LICENSE,sub/target/LICENSE",
        "*/LICENSE           | legal/LICENSE",
        "legal/**            | legal/LICENSE,legal/deep/LICENSE",
        "LICENSE             | LICENSE",
        "{LICENSE,NOTICE}    | LICENSE,NOTICE",
    })
    void dotFilesDotDirectoriesAndTheTopTargetDirectoryNeverMatch(String glob, String expected) throws Exception {
        assertEquals(Arrays.asList(expected.split(",")), licenseFiles(true, glob));
    }

    @Test
    void resultsAreSortedOnceEachAcrossGlobs() throws Exception {
        assertEquals(List.of("LICENSE", "NOTICE", "legal/LICENSE"), licenseFiles(true, "NOTICE", "*/LICENSE", "LIC*",
                "LICENSE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".github/LICENSE", "target/LICENSE", "LICENSE.txt", "*.txt"})
    void aConfiguredGlobThatMatchesNothingIsAnError(String glob) throws Exception {
        PackagingException e = assertThrows(PackagingException.class, () -> licenseFiles(true, "LICENSE", glob));
        assertEquals("Parameter licenseFiles: license-files glob '" + glob + "' matches no file under " + base
                + "; fix or remove the pattern", e.getMessage());
        assertEquals(List.of("LICENSE"), licenseFiles(false, "LICENSE", glob));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/LICENSE", "../LICENSE", "legal/../LICENSE", "legal\\LICENSE"})
    void globsStayInsideTheProject(String glob) {
        PackagingException e = assertThrows(PackagingException.class, () -> licenseFiles(false, glob));
        assertTrue(e.getMessage().contains("'" + glob + "' must be a relative '/'-separated path inside the project"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"README.md, text/markdown", "README.rst, text/x-rst"})
    void readmeContentTypeFollowsTheExtension(String path, String contentType) throws Exception {
        assertEquals(new ProjectFiles.Readme(path, path + "\n", contentType),
                ProjectFiles.readme(base, path, "Parameter readme"));
    }

    @Test
    void aReadmeOfAnotherKindNeedsItsContentTypeSaid() {
        PackagingException e = assertThrows(PackagingException.class,
                () -> ProjectFiles.readme(base, "notes.adoc", "Parameter readme"));
        assertTrue(e.getMessage().startsWith("Parameter readme: cannot tell the content type of readme 'notes.adoc'"
                + " from its extension; rename it to .md, .rst or .txt"), e.getMessage());
    }
}
