package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataTest {

    @TempDir
    Path dir;

    private final DistributionBuilder builder = new DistributionBuilder();

    static PomFacts pom(String version) {
        return new PomFacts("org.example", "Demo.Tool", version, "Does demo things.\nSecond line is not the summary.",
                "https://example.org/demo", List.of("Apache-2.0"), "https://github.com/example/demo",
                "https://github.com/example/demo/issues",
                List.of(new PomFacts.Developer("Ada Lovelace", "ada@example.org", List.of("developer")),
                        new PomFacts.Developer("Bob", null, List.of()),
                        new PomFacts.Developer("Lovelace, Ada", "ada2@example.org", List.of("Lead Maintainer"))));
    }

    private ProjectMetadata fromPom(PackageOptions options) throws PackagingException {
        return builder.readMetadata(dir, pom("1.2.0-SNAPSHOT"), options);
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void fullPomExampleGivesExactMetadata() throws Exception {
        write("LICENSE", "license text\n");
        write("NOTICE.txt", "notice\n");
        write("docs/README.md", "# Demo\n\nHello.\n");
        PackageOptions options = new PackageOptions(null, ">=3.8", null, List.of("requests>=2.31", "tomli; python_version < \"3.11\""),
                List.of("demo=demo.cli:main"), "docs/README.md", null);
        ProjectMetadata m = fromPom(options);
        assertEquals("""
                Metadata-Version: 2.4
                Name: Demo.Tool
                Version: 1.2.0.dev0
                Summary: Does demo things.
                Author: Bob
                Author-email: Ada Lovelace <ada@example.org>
                Maintainer-email: "Lovelace, Ada" <ada2@example.org>
                License-Expression: Apache-2.0
                License-File: LICENSE
                License-File: NOTICE.txt
                Requires-Python: >=3.8
                Requires-Dist: requests>=2.31
                Requires-Dist: tomli; python_version < "3.11"
                Project-URL: Homepage, https://example.org/demo
                Project-URL: Source, https://github.com/example/demo
                Project-URL: Issues, https://github.com/example/demo/issues
                Description-Content-Type: text/markdown

                # Demo

                Hello.
                """, CoreMetadataWriter.write(m));
        assertEquals("docs/README.md", m.readmeFile());
        assertEquals(Map.of("console_scripts", Map.of("demo", "demo.cli:main")), m.entryPoints());
    }

    @Test
    void pythonVersionParameterOverridesConversion() throws Exception {
        ProjectMetadata m = builder.readMetadata(dir, pom("1.0-foo-bar"),
                new PackageOptions("1.0.post3", null, null, null, null, null, null));
        assertEquals("1.0.post3", m.version().normalized());
    }

    @Test
    void unconvertibleVersionNamesVersionProjectAndFix() {
        PackagingException e = assertThrows(PackagingException.class,
                () -> builder.readMetadata(dir, pom("1.0-foo-bar"), PackageOptions.none()));
        assertTrue(e.getMessage().contains("'1.0-foo-bar'"), e.getMessage());
        assertTrue(e.getMessage().contains("org.example:Demo.Tool"), e.getMessage());
        assertTrue(e.getMessage().contains("<pythonVersion>") && e.getMessage().contains("pypi.pythonVersion"), e.getMessage());
    }

    @Test
    void nonSpdxPomLicenseIsLeftOutAndSpdxParameterWins() throws Exception {
        PomFacts pom = new PomFacts("g", "demo", "1.0", null, null, List.of("The Apache Software License, Version 2.0"),
                null, null, List.of());
        assertNull(builder.readMetadata(dir, pom, PackageOptions.none()).licenseExpression());
        ProjectMetadata m = builder.readMetadata(dir, pom,
                new PackageOptions(null, null, "mit or apache-2.0", null, null, null, null));
        assertEquals("mit OR apache-2.0", m.licenseExpression());
        assertThrows(PackagingException.class, () -> builder.readMetadata(dir, pom,
                new PackageOptions(null, null, "MIT License", null, null, null, null)));
    }

    @Test
    void configuredLicenseGlobMustMatch() throws Exception {
        write("legal/COPYING.txt", "x");
        ProjectMetadata m = fromPom(new PackageOptions(null, null, null, null, null, null, List.of("legal/*.txt")));
        assertEquals(List.of("legal/COPYING.txt"), m.licenseFiles());
        PackagingException e = assertThrows(PackagingException.class,
                () -> fromPom(new PackageOptions(null, null, null, null, null, null, List.of("LICENSE*"))));
        assertTrue(e.getMessage().contains("'LICENSE*'"), e.getMessage());
    }

    @Test
    void badParametersAreReported() {
        assertThrows(PackagingException.class,
                () -> fromPom(new PackageOptions(null, null, null, List.of("not a requirement!"), null, null, null)));
        assertThrows(PackagingException.class,
                () -> fromPom(new PackageOptions(null, null, null, null, List.of("demo"), null, null)));
        assertThrows(PackagingException.class,
                () -> fromPom(new PackageOptions(null, null, null, null, List.of("de mo=x:y"), null, null)));
        PackagingException e = assertThrows(PackagingException.class,
                () -> fromPom(new PackageOptions(null, null, null, null, null, "README.adoc", null)));
        assertTrue(e.getMessage().contains("README.adoc"), e.getMessage());
    }

    private static final String FULL_PYPROJECT = """
            [build-system]
            requires = ["whatever"]

            [project]
            name = "My_Project"
            dynamic = ["version"]
            description = "A project."
            readme = {file = "README.rst", content-type = "text/x-rst"}
            requires-python = ">=3.9"
            license = "MIT"
            license-files = ["LICENSE.txt"]
            authors = [{name = "Ann", email = "ann@example.org"}, {name = "Ben"}, {email = "team@example.org"}]
            maintainers = [{name = "Cy"}]
            keywords = ["demo", "test"]
            classifiers = ["Programming Language :: Python :: 3"]
            dependencies = ["attrs>=23"]

            [project.optional-dependencies]
            Dev_Tools = ["pytest", "black; python_version >= \\"3.10\\""]

            [project.urls]
            Homepage = "https://example.org"

            [project.scripts]
            mp = "my_project.cli:main"

            [project.gui-scripts]
            mpg = "my_project.gui:main"

            [project.entry-points."demo.plugins"]
            one = "my_project.plugins:one"
            """;

    @Test
    void fullPyprojectGivesExactMetadata() throws Exception {
        write("pyproject.toml", FULL_PYPROJECT);
        write("README.rst", "Title\n=====\n");
        write("LICENSE.txt", "MIT\n");
        write("COPYING", "not picked: license-files is explicit\n");
        ProjectMetadata m = builder.readMetadata(dir, pom("2.1.0-beta2"), PackageOptions.none());
        assertEquals("""
                Metadata-Version: 2.4
                Name: My_Project
                Version: 2.1.0b2
                Summary: A project.
                Keywords: demo,test
                Author: Ben
                Author-email: Ann <ann@example.org>, team@example.org
                Maintainer: Cy
                License-Expression: MIT
                License-File: LICENSE.txt
                Classifier: Programming Language :: Python :: 3
                Requires-Python: >=3.9
                Requires-Dist: attrs>=23
                Requires-Dist: pytest; extra == "dev-tools"
                Requires-Dist: black; (python_version >= "3.10") and extra == "dev-tools"
                Project-URL: Homepage, https://example.org
                Provides-Extra: dev-tools
                Description-Content-Type: text/x-rst

                Title
                =====
                """, CoreMetadataWriter.write(m));
        assertEquals(Map.of("console_scripts", Map.of("mp", "my_project.cli:main"),
                "gui_scripts", Map.of("mpg", "my_project.gui:main"),
                "demo.plugins", Map.of("one", "my_project.plugins:one")), m.entryPoints());
        assertEquals("""
                [console_scripts]
                mp = my_project.cli:main

                [demo.plugins]
                one = my_project.plugins:one

                [gui_scripts]
                mpg = my_project.gui:main

                """, WheelWriter.entryPointsFile(m.entryPoints()));
    }

    @Test
    void pyprojectWithStaticVersionReadmeStringAndLegacyLicenseText() throws Exception {
        write("pyproject.toml", """
                [project]
                name = "demo"
                version = "1.0.0-RC1"
                readme = "README.md"
                license = {text = "BSD-3-Clause\\nwith an extra line"}
                """);
        write("README.md", "hi\n");
        ProjectMetadata m = builder.readMetadata(dir, pom("9.9"), PackageOptions.none());
        assertEquals("1.0.0rc1", m.version().normalized());
        assertEquals("text/markdown", m.descriptionContentType());
        String text = CoreMetadataWriter.write(m);
        assertTrue(text.contains("License: BSD-3-Clause\n        with an extra line\n"), text);
        assertTrue(!text.contains("License-Expression"), text);
    }

    @Test
    void pyprojectLegacyLicenseFileBecomesLicenseFile() throws Exception {
        write("pyproject.toml", "[project]\nname = \"demo\"\nversion = \"1\"\nlicense = {file = \"COPYING.md\"}\n");
        write("COPYING.md", "GPL\n");
        write("LICENSE", "not picked\n");
        ProjectMetadata m = builder.readMetadata(dir, pom("1"), PackageOptions.none());
        assertEquals(List.of("COPYING.md"), m.licenseFiles());
        assertNull(m.legacyLicense());
        assertNull(m.licenseExpression());
    }

    @Test
    void dynamicFieldsComeFromThePom() throws Exception {
        write("pyproject.toml", """
                [project]
                name = "demo"
                dynamic = ["version", "description", "license", "urls", "authors", "dependencies"]
                """);
        ProjectMetadata m = builder.readMetadata(dir, pom("1.0-SNAPSHOT"),
                new PackageOptions(null, null, null, List.of("six"), null, null, null));
        assertEquals("1.0.dev0", m.version().normalized());
        assertEquals("Does demo things.", m.summary());
        assertEquals("Apache-2.0", m.licenseExpression());
        assertEquals("https://example.org/demo", m.projectUrls().get("Homepage"));
        assertEquals(2, m.authors().size());
        assertEquals(List.of(), m.maintainers());
        assertEquals(List.of("six"), m.dependencies());
    }

    private String pyprojectError(String toml) throws IOException {
        write("pyproject.toml", toml);
        PackagingException e = assertThrows(PackagingException.class,
                () -> builder.readMetadata(dir, pom("1.0"), PackageOptions.none()));
        assertTrue(e.getMessage().contains(dir.resolve("pyproject.toml").toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void pyprojectErrorsNameFileKeyAndProblem() throws Exception {
        String syntax = pyprojectError("[project]\nname = \"demo\nversion = \"1\"\n");
        assertTrue(syntax.contains("line 2"), syntax);
        assertTrue(pyprojectError("[tool.x]\na = 1\n").contains("no [project] table"));
        assertTrue(pyprojectError("[project]\nversion = \"1\"\n").contains("[project].name is missing"));
        assertTrue(pyprojectError("[project]\nname = \"-bad-\"\nversion = \"1\"\n").contains("[project].name '-bad-'"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\n").contains("[project].version is missing"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"one\"\n").contains("[project].version 'one'"));
        assertTrue(pyprojectError("[project]\nname = 3\nversion = \"1\"\n").contains("[project].name must be a string, not a number"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\ndependencies = \"six\"\n")
                .contains("[project].dependencies must be an array of strings, not a string"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nkeywords = [1]\n")
                .contains("[project].keywords must contain only strings"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nlicense = \"MIT License\"\n")
                .contains("[project].license 'MIT License' is not an SPDX"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nlicense = {text = \"x\"}\nlicense-files = []\n")
                .contains("PEP 639 forbids"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nlicense-files = [\"NOPE*\"]\n")
                .contains("'NOPE*' matches no file"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nreadme = {text = \"x\"}\n")
                .contains("needs content-type"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nreadme = \"MISSING.md\"\n")
                .contains("MISSING.md does not exist"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\ndynamic = [\"version\"]\n")
                .contains("[project].version is both set and listed in dynamic"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\ndynamic = [\"classifiers\"]\nversion = \"1\"\n")
                .contains("lists 'classifiers'"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nhomepage = \"x\"\n")
                .contains("[project].homepage is not a PEP 621 key"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\n[project.entry-points.console_scripts]\na = \"b:c\"\n")
                .contains("use [project.scripts]"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\n[project.scripts]\na = \"not valid!\"\n")
                .contains("module:function"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\ndescription = \"two\\nlines\"\n")
                .contains("single line"));
        assertTrue(pyprojectError("[project]\nname = \"demo\"\nversion = \"1\"\nauthors = [\"Ann\"]\n")
                .contains("[project].authors must be an array of tables"));
    }

    @Test
    void spdxSyntax() {
        assertEquals("MIT", SpdxExpression.normalize("MIT").orElseThrow());
        assertEquals("(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0",
                SpdxExpression.normalize("(MIT or Apache-2.0)  and GPL-2.0-only with Classpath-exception-2.0").orElseThrow());
        assertEquals("LicenseRef-Proprietary", SpdxExpression.normalize("LicenseRef-Proprietary").orElseThrow());
        for (String bad : List.of("", "MIT License", "Apache License, Version 2.0", "MIT OR", "(MIT", "AND", "MIT WITH")) {
            assertTrue(SpdxExpression.normalize(bad).isEmpty(), bad);
        }
    }
}
