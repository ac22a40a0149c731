package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WheelFilenameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "foo-1.0-py3-none-any.whl | foo | 1.0 | - | py3 | none | any",
        "my_package-1.0.0-py2.py3-none-any.whl | my_package | 1.0.0 | - | py2.py3 | none | any",
        "numpy-2.1.0-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl | numpy | 2.1.0 | 1 | cp312 | cp312"
                + " | manylinux_2_17_x86_64.manylinux2014_x86_64",
        "pkg-1.0-12abc-py3-none-any.whl | pkg | 1.0 | 12abc | py3 | none | any",
        "Foo.Bar-1.0rc1-py3-none-any.whl | Foo.Bar | 1.0rc1 | - | py3 | none | any",
        "zope.interface-6.0-cp311-cp311-win_amd64.whl | zope.interface | 6.0 | - | cp311 | cp311 | win_amd64",
    })
    void parsesValidNames(String filename, String name, String version, String build, String python, String abi,
                          String platform) {
        WheelFilename w = WheelFilename.parse(filename);
        assertEquals(name, w.namePart());
        assertEquals(version, w.versionPart());
        assertEquals(Optional.ofNullable(build), w.buildTag());
        assertEquals(python, w.pythonTag());
        assertEquals(abi, w.abiTag());
        assertEquals(platform, w.platformTag());
        assertEquals(filename, w.filename());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo-1.0-py3-none-any.zip | extension",
        "foo-1.0-none-any.whl | wrong number of parts",
        "foo-1.0-1-2-py3-none-any.whl | wrong number of parts",
        "foo-bar-1.0-py3-none-any.whl | version part",
        "foo__bar-1.0-py3-none-any.whl | name part",
        "foo+bar-1.0-py3-none-any.whl | name part",
        "foo-notaversion-py3-none-any.whl | version part",
        "foo-1.0-abc-py3-none-any.whl | build tag",
        "foo-1.0-py3.-none-any.whl | empty component",
        "foo-1.0-3py-none-any.whl | not an identifier",
        "foo-1.0-py3--any.whl | empty component",
        "foo-1.0-py3-none-any`x`.whl | the tag 'any`x`'",
        "foo-1.0-py3-cp3¹-any.whl | the tag 'cp3¹'",
        "foo-1.0-py3-none-linux x86_64.whl | the tag 'linux x86_64'",
        "foo-1.0-pý3-none-any.whl | the tag 'pý3'",
        "foo-1.0-1[x]-py3-none-any.whl | build tag",
        "föö-1.0-py3-none-any.whl | name part",
    })
    void rejectsInvalidNames(String filename, String reason) {
        DistributionException e = assertThrows(DistributionException.class, () -> WheelFilename.parse(filename));
        assertTrue(e.getMessage().contains(filename), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(Optional.empty(), WheelFilename.tryParse(filename));
    }

    /** A name that fails is printed flattened: its line break cannot start a log line with a workflow command. */
    @ParameterizedTest
    @ValueSource(strings = {
        "a-1.0-py3-none-any\n::warning::pwned\n.whl",
        "a-1.0-py3-none\r\n::error file=x::pwned-any.whl",
        "a-1.0-1\n::warning::pwned-py3-none-any.whl",
        "a\n## Heading-1.0-py3-none-any.whl",
        "a-1.0-py3-none-any\u2028::warning::pwned.whl",
    })
    void hostileNamesAreRefusedWithoutTheirLineBreaks(String filename) {
        DistributionException e = assertThrows(DistributionException.class, () -> WheelFilename.parse(filename));
        assertTrue(e.getMessage().startsWith("Invalid wheel filename '"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028'), e.getMessage());
    }

    @Test
    void derivesDistInfoDirectoryAndTagSets() {
        WheelFilename w = WheelFilename.parse("My_Pkg-1.0.post1-7-py2.py3-none-linux_x86_64.musllinux_1_2_x86_64.whl");
        assertEquals("My_Pkg-1.0.post1.dist-info", w.distInfoDirectory());
        assertEquals("my-pkg", w.normalizedName());
        assertEquals(List.of("py2", "py3"), w.pythonTags());
        assertEquals(List.of("linux_x86_64", "musllinux_1_2_x86_64"), w.platformTags());
        assertEquals(Pep440Version.parse("1.0.post1"), w.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"My-Package", "my.package", "my__package", "MY_PACKAGE", "my-._package"})
    void filenameFormEscapesEveryRunOfSeparators(String raw) {
        assertEquals("my_package", new ProjectName(raw).filenameForm());
        assertTrue(WheelFilename.tryParse(new ProjectName(raw).filenameForm() + "-1.0-py3-none-any.whl").isPresent());
    }
}
