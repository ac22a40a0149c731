package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    static Stream<Arguments> badParametersAreReported() {
        return Stream.of(
                arguments(new PackageOptions(null, null, null, List.of("not a requirement!"), null, null, null),
                        "not a requirement!"),
                arguments(new PackageOptions(null, null, null, null, List.of("demo"), null, null), "demo"),
                arguments(new PackageOptions(null, null, null, null, List.of("de mo=x:y"), null, null), "de mo"),
                // pip refuses a script without a function: "hello = hello.hi" built, and no one could install it.
                arguments(new PackageOptions(null, null, null, null, List.of("hello=hello.hi"), null, null),
                        "Parameter entryPoints: the script 'hello' points at 'hello.hi', a module without a function"),
                arguments(new PackageOptions(null, null, null, List.of("requests[se curity]>=2"), null, null, null),
                        "'requests[se curity]>=2' is not a PEP 508 requirement"),
                arguments(new PackageOptions(null, null, null, List.of("requests>=2.x"), null, null, null),
                        "'2.x' after '>=' is not a PEP 440 version"),
                arguments(new PackageOptions(null, null, null, null, null, "README.adoc", null), "README.adoc"));
    }

    @ParameterizedTest
    @MethodSource
    void badParametersAreReported(PackageOptions options, String named) {
        PackagingException e = assertThrows(PackagingException.class, () -> fromPom(options));
        assertTrue(e.getMessage().contains(named), e.getMessage());
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

    private static final String DEMO = "[project]\nname = \"demo\"\nversion = \"1\"\n";

    static Stream<Arguments> pyprojectErrorsNameFileKeyAndProblem() {
        return Stream.of(
                arguments("[project]\nname = \"demo\nversion = \"1\"\n", "line 2"),
                arguments("[tool.x]\na = 1\n", "no [project] table"),
                arguments("[project]\nversion = \"1\"\n", "[project].name is missing"),
                arguments("[project]\nname = \"-bad-\"\nversion = \"1\"\n", "[project].name '-bad-'"),
                arguments("[project]\nname = \"demo\"\n", "[project].version is missing"),
                arguments("[project]\nname = \"demo\"\nversion = \"one\"\n", "[project].version 'one'"),
                arguments("[project]\nname = 3\nversion = \"1\"\n", "[project].name must be a string, not a number"),
                arguments(DEMO + "dependencies = \"six\"\n",
                        "[project].dependencies must be an array of strings, not a string"),
                arguments(DEMO + "keywords = [1]\n", "[project].keywords must contain only strings"),
                arguments(DEMO + "license = \"MIT License\"\n", "[project].license 'MIT License' is not an SPDX"),
                arguments(DEMO + "license = {text = \"x\"}\nlicense-files = []\n", "PEP 639 forbids"),
                arguments(DEMO + "license = {text = \"x\", file = \"LICENSE\"}\n", "exactly one of file or text"),
                arguments(DEMO + "license = 3\n", "[project].license must be an SPDX expression string"),
                arguments(DEMO + "license-files = [\"NOPE*\"]\n", "'NOPE*' matches no file"),
                arguments(DEMO + "license-files = [\"../LICENSE\"]\n", "without '..'"),
                arguments(DEMO + "readme = {text = \"x\"}\n",
                        "needs content-type (text/markdown, text/x-rst or text/plain)"),
                arguments(DEMO + "readme = {text = \"x\", content-type = \"text/html\"}\n",
                        "content-type 'text/html' is not one PyPI renders; use text/markdown, text/x-rst or text/plain"),
                arguments(DEMO + "readme = \"README.adoc\"\n", "rename it to .md, .rst or .txt"),
                arguments(DEMO + "readme = \"MISSING.md\"\n", "MISSING.md does not exist"),
                arguments(DEMO + "dynamic = [\"version\"]\n", "[project].version is both set and listed in dynamic"),
                arguments("[project]\nname = \"demo\"\ndynamic = [\"classifiers\"]\nversion = \"1\"\n",
                        "lists 'classifiers'"),
                arguments(DEMO + "homepage = \"x\"\n", "[project].homepage is not a PEP 621 key"),
                arguments(DEMO + "urls = [\"x\"]\n", "[project].urls must be a table of strings, not an array"),
                arguments(DEMO + "[project.urls]\nHome = 1\n", "[project].urls.Home must be a string, not a number"),
                arguments(DEMO + "[project.entry-points.console_scripts]\na = \"b:c\"\n", "use [project.scripts]"),
                arguments(DEMO + "entry-points = 1\n", "[project].entry-points must be a table of groups"),
                arguments(DEMO + "[project.scripts]\na = \"not valid!\"\n", "module:function"),
                arguments(DEMO + "[project.scripts]\nhello = \"hello.hi\"\n",
                        "[project].scripts: the script 'hello' points at 'hello.hi', a module without a function"),
                arguments(DEMO + "[project.gui-scripts]\nhello = \"hello\"\n", "hello:main (module:function)"),
                arguments(DEMO + "dependencies = [\"six; python_version > 3\"]\n", "quote literal values"),
                arguments(DEMO + "[project.optional-dependencies]\nx = [\"six ==1.*.1\"]\n",
                        "[project].optional-dependencies.x: 'six ==1.*.1' is not a PEP 508 requirement"),
                arguments(DEMO + "description = \"two\\nlines\"\n", "single line"),
                arguments(DEMO + "authors = [\"Ann\"]\n", "[project].authors must be an array of tables"),
                arguments(DEMO + "authors = [{}]\n", "[project].authors has an entry with neither name nor email"),
                arguments(DEMO + "authors = [{name = 1}]\n", "[project].authors.name must be a string, not a number"),
                arguments(DEMO + "[project.optional-dependencies]\na_b = [\"x\"]\nA-B = [\"y\"]\n",
                        "names the same extra as another key once normalized ('a-b')"),
                arguments(DEMO + "optional-dependencies = [\"x\"]\n",
                        "[project].optional-dependencies must be a table"));
    }

    @ParameterizedTest
    @MethodSource
    void pyprojectErrorsNameFileKeyAndProblem(String toml, String expected) throws IOException {
        write("pyproject.toml", toml);
        PackagingException e = assertThrows(PackagingException.class,
                () -> builder.readMetadata(dir, pom("1.0"), PackageOptions.none()));
        assertTrue(e.getMessage().contains(dir.resolve("pyproject.toml").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void spdxSyntax() {
        assertEquals("MIT", SpdxExpression.normalize("MIT").orElseThrow());
        assertEquals("(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0",
                SpdxExpression.normalize("(MIT or Apache-2.0)  and GPL-2.0-only with Classpath-exception-2.0").orElseThrow());
        assertEquals("LicenseRef-Proprietary", SpdxExpression.normalize("LicenseRef-Proprietary").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MIT License", "Apache License, Version 2.0", "MIT OR", "(MIT", "AND", "MIT WITH"})
    void notSpdx(String bad) {
        assertTrue(SpdxExpression.normalize(bad).isEmpty(), bad);
    }
}
