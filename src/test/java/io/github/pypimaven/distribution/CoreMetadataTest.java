package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoreMetadataTest {

    static CoreMetadata parse(String text) {
        return CoreMetadata.parse(text.getBytes(StandardCharsets.UTF_8), "test (METADATA)");
    }

    private static Map.Entry<String, String> e(String k, String v) {
        return new SimpleImmutableEntry<>(k, v);
    }

    @Test
    void headerNamesAreCaseInsensitiveAndRepeatedHeadersKeepTheirOrder() {
        CoreMetadata m = parse("metadata-version: 2.1\nNAME: foo\nversion: 1.0\nClassifier: B\nclassifier: A\n"
                + "X-Custom: kept\n");
        assertEquals("2.1", m.metadataVersion());
        assertEquals("foo", m.name());
        assertEquals(List.of("B", "A"), m.getAll(MetadataField.CLASSIFIER));
        assertEquals(List.of("kept"), m.rawValues("x-custom"));
    }

    @Test
    void continuationLinesJoinTheirHeader() {
        CoreMetadata m = parse("Metadata-Version: 1.2\nName: foo\nVersion: 1.0\nLicense: line one\n        line two\n"
                + "\tline three\nAuthor: me\n");
        assertEquals(Optional.of("line one\nline two\n\tline three"), m.get(MetadataField.LICENSE));
        assertEquals(Optional.of("me"), m.get(MetadataField.AUTHOR));
    }

    @Test
    void bodyIsTheDescriptionAndKeepsBlankLines() {
        CoreMetadata m = parse("Metadata-Version: 2.1\r\nName: foo\r\nVersion: 1.0\r\n\r\n# Title\r\n\r\nText: not a"
                + " header\r\n");
        assertEquals(Optional.of("# Title\r\n\r\nText: not a header\r\n"), m.description());
        assertTrue(m.notes().isEmpty());
    }

    @Test
    void bodyWinsOverDescriptionHeaderWithANote() {
        CoreMetadata m = parse("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nDescription: from header\n\nfrom body\n");
        assertEquals(Optional.of("from body\n"), m.description());
        assertEquals(1, m.notes().size());
        assertTrue(m.notes().get(0).contains("test (METADATA)") && m.notes().get(0).contains("body"));
    }

    @Test
    void descriptionHeaderUnfoldsSetuptoolsIndentation() {
        CoreMetadata m = parse("Metadata-Version: 1.2\nName: foo\nVersion: 1.0\nDescription: Title\n        |\n"
                + "        |  indented\n        plain\n");
        assertEquals(Optional.of("Title\n\n  indented\nplain"), m.description());
    }

    @Test
    void aNonHeaderLineStartsTheBodyAsTheEmailParserDoes() {
        CoreMetadata m = parse("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nthis is not a header\nmore\n");
        assertEquals(Optional.of("this is not a header\nmore\n"), m.description());
    }

    @Test
    void invalidUtf8IsAClearError() {
        byte[] bytes = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nAuthor: Jos\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        DistributionException e = assertThrows(DistributionException.class,
                () -> CoreMetadata.parse(bytes, "foo-1.0.tar.gz (foo-1.0/PKG-INFO)"));
        assertTrue(e.getMessage().contains("foo-1.0.tar.gz (foo-1.0/PKG-INFO)"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid UTF-8") && e.getMessage().contains("offset 56"), e.getMessage());
    }

    @Test
    void missingIdentityFieldsAreNamed() {
        DistributionException e = assertThrows(DistributionException.class,
                () -> parse("Metadata-Version: 2.1\nSummary: no name\n"));
        assertTrue(e.getMessage().contains("Name, Version") && e.getMessage().contains("test (METADATA)"),
                e.getMessage());
    }

    /** One METADATA with every field: the form fields come out in PyPI's order, under PyPI's names. */
    @Test
    void formFieldsCoverEveryField() {
        CoreMetadata m = parse(String.join("\n",
                "Metadata-Version: 2.5",
                "Name: every-field",
                "Version: 1.0",
                "Obsoletes: oldthing",
                "Provides: thing",
                "Requires: other",
                "Import-Namespace: ns",
                "Import-Name: every_field",
                "Import-Name: every_field.sub; private",
                "Dynamic: Classifier",
                "Provides-Extra: cli",
                "Project-URL: Source, https://example.org/src",
                "Project-URL: Docs, https://example.org/docs",
                "Requires-External: libfoo (>=1)",
                "Requires-Python: >=3.9",
                "Obsoletes-Dist: OldDist",
                "Provides-Dist: EveryDist",
                "Requires-Dist: requests>=2",
                "Requires-Dist: click; extra == 'cli'",
                "Supported-Platform: linux-x86_64",
                "Platform: Linux",
                "Platform: Windows",
                "Classifier: Programming Language :: Python :: 3",
                "Classifier: Operating System :: OS Independent",
                "License-File: LICENSE",
                "License-File: NOTICE",
                "License-Expression: MIT",
                "License: UNKNOWN",
                "Maintainer-email: m@example.org",
                "Maintainer: M",
                "Author-email: a@example.org",
                "Author: A",
                "Download-URL: https://example.org/dl",
                "Home-page: https://example.org",
                "Keywords: one, two,three",
                "Description-Content-Type: text/markdown",
                "Summary: Every field",
                "",
                "# Body"));
        List<Map.Entry<String, String>> expected = List.of(
                e("summary", "Every field"),
                e("description", "# Body"),
                e("description_content_type", "text/markdown"),
                e("keywords", "one, two, three"),
                e("home_page", "https://example.org"),
                e("download_url", "https://example.org/dl"),
                e("author", "A"),
                e("author_email", "a@example.org"),
                e("maintainer", "M"),
                e("maintainer_email", "m@example.org"),
                e("license_expression", "MIT"),
                e("license_file", "LICENSE"),
                e("license_file", "NOTICE"),
                e("classifiers", "Programming Language :: Python :: 3"),
                e("classifiers", "Operating System :: OS Independent"),
                e("platform", "Linux"),
                e("platform", "Windows"),
                e("supported_platform", "linux-x86_64"),
                e("requires_dist", "requests>=2"),
                e("requires_dist", "click; extra == 'cli'"),
                e("provides_dist", "EveryDist"),
                e("obsoletes_dist", "OldDist"),
                e("requires_python", ">=3.9"),
                e("requires_external", "libfoo (>=1)"),
                e("project_urls", "Source, https://example.org/src"),
                e("project_urls", "Docs, https://example.org/docs"),
                e("provides_extra", "cli"),
                e("dynamic", "Classifier"),
                e("import_name", "every_field"),
                e("import_name", "every_field.sub; private"),
                e("import_namespace", "ns"),
                e("requires", "other"),
                e("provides", "thing"),
                e("obsoletes", "oldthing"));
        assertEquals(expected, m.formFields());
        // Every non-identity field has a test value above, so this list exercises them all.
        Set<MetadataField> covered = EnumSet.noneOf(MetadataField.class);
        for (Map.Entry<String, String> entry : m.formFields()) {
            for (MetadataField f : MetadataField.values()) {
                if (f.formName().equals(entry.getKey())) {
                    covered.add(f);
                }
            }
        }
        Set<MetadataField> expectedFields = EnumSet.allOf(MetadataField.class);
        expectedFields.removeIf(MetadataField::identifiesRelease);
        expectedFields.remove(MetadataField.LICENSE); // its only value was UNKNOWN, which is never sent
        assertEquals(expectedFields, covered);
    }

    @Test
    void requiresPythonIsAlwaysSentAndNothingElseIsEmptyOrUnknown() {
        CoreMetadata m = parse("Metadata-Version: 1.0\nName: foo\nVersion: 1.0\nSummary: UNKNOWN\nAuthor:\n"
                + "Keywords: , ,\nHome-page: UNKNOWN\n\nUNKNOWN\n");
        assertEquals(List.of(e("requires_python", "")), m.formFields());
    }

    @Test
    void licenseFileIsDroppedFromTheFormBelowMetadata24() {
        CoreMetadata m = parse("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nLicense-File: LICENSE\nLicense: MIT\n");
        assertTrue(m.hasPrematureLicenseFiles());
        List<String> names = m.formFields().stream().map(Map.Entry::getKey).collect(Collectors.toList());
        assertFalse(names.contains("license_file"), names.toString());
        assertTrue(names.contains("license"));
        assertEquals(List.of("LICENSE"), m.getAll(MetadataField.LICENSE_FILE));
    }

    @Test
    void repeatedKeywordsAreJoinedIntoOneValue() {
        CoreMetadata m = parse("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nKeywords: a,b\nKeywords: c\n");
        assertEquals(List.of(e("keywords", "a, b, c"), e("requires_python", "")), m.formFields());
    }
}
