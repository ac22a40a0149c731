package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdistFilenameTest {

    @Test
    void splitsAtTheLastDash() {
        SdistFilename s = SdistFilename.parse("my-package-1.0.0.tar.gz");
        assertEquals("my-package", s.namePart());
        assertEquals("1.0.0", s.versionPart());
        assertEquals("my-package-1.0.0.tar.gz", s.filename());
    }

    @Test
    void resplitsPostReleasesContainingADashLikeWarehouse() {
        ProjectName name = new ProjectName("foo");
        Pep440Version post = Pep440Version.parse("1.0.post1");
        SdistFilename s = SdistFilename.parse("foo-1.0-1.tar.gz", name, post);
        assertEquals("foo", s.namePart());
        assertEquals("1.0-1", s.versionPart());
        // Without the expected release, the last dash wins, as packaging's parse_sdist_filename does.
        assertEquals("foo-1.0", SdistFilename.parse("foo-1.0-1.tar.gz").namePart());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo-1.0.zip | extension",
        "foo.tar.gz | no '-'",
        "foo-bar.tar.gz | not a valid PEP 440 version",
    })
    void rejectsInvalidNames(String filename, String reason) {
        DistributionException e = assertThrows(DistributionException.class, () -> SdistFilename.parse(filename));
        assertTrue(e.getMessage().contains(filename) && e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "My.Package | 1.0.0 | my_package-1.0.0.tar.gz",
        "foo | 1.0-RC1 | foo-1.0rc1.tar.gz",
        "foo | 2025.09.4 | foo-2025.9.4.tar.gz",
        "foo-bar | 1.0-post1 | foo_bar-1.0.post1.tar.gz",
        "foo | 1!2.0 | foo-1!2.0.tar.gz",
    })
    void expectedIsThePep625Form(String name, String version, String expected) {
        assertEquals(expected, SdistFilename.expected(new ProjectName(name), Pep440Version.parse(version)));
    }
}
