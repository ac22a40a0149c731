package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layout {@code package} accepts gives an sdist that pip rebuilds, with the backend it declares (Debian's
 * hatchling, offline, no isolation), into a wheel equivalent to ours: the same files with the same bytes, the same
 * entry points and the same metadata fields. Python itself compares the two wheels ({@code compare_wheels.py}, with
 * the {@code packaging} library reading the requirements), so the comparison does not share our reading of them.
 */
class SdistRebuildTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** The layouts: each writes a project into a directory and says how the POM and the parameters describe it. */
    enum Layout {
        /** One package with a subpackage and data, a console script, a readme and a license from the POM. */
        ONE_PACKAGE {
            @Override
            BuildRequest write(Path dir) throws IOException {
                DistributionBuilderTest.createProject(dir);
                return release(DistributionBuilderTest.request(dir, "py3", null));
            }
        },
        /** Two top-level modules next to a package, no readme, no license, no description. */
        TOP_LEVEL_MODULES {
            @Override
            BuildRequest write(Path dir) throws IOException {
                DistributionBuilderTest.write(dir, "src/main/python/alpha.py", "A = 1\n");
                DistributionBuilderTest.write(dir, "src/main/python/beta.py", "def main():\n    print('b')\n");
                DistributionBuilderTest.write(dir, "src/main/python/gamma/__init__.py", "");
                DistributionBuilderTest.write(dir, "src/main/python/gamma/templates/page.html", "<p>x</p>\n");
                PomFacts pom = new PomFacts("org.example", "several-modules", "2.0.0", null, null, List.of(), null,
                        null, List.of());
                PackageOptions options = new PackageOptions(null, null, null, List.of("requests>=2.31"),
                        List.of("beta=beta:main"), null, null);
                return new BuildRequest(dir, dir.resolve("src/main/python"), dir.resolve("target/dist"), pom, options,
                        "py3", null, "pypi-maven-plugin test", true);
            }
        },
        /** A pyproject.toml with every field the builder knows: extras with markers, all entry point kinds, people. */
        PYPROJECT_EVERYTHING {
            @Override
            BuildRequest write(Path dir) throws IOException {
                DistributionBuilderTest.write(dir, "src/main/python/rich_tool/__init__.py", "def gui():\n    pass\n");
                DistributionBuilderTest.write(dir, "src/main/python/rich_tool/plugins.py", "X = 1\n");
                DistributionBuilderTest.write(dir, "src/main/python/helper.py", "def run():\n    pass\n");
                DistributionBuilderTest.write(dir, "LICENSE.txt", "MIT text\n");
                DistributionBuilderTest.write(dir, "NOTICE", "notice\n");
                DistributionBuilderTest.write(dir, "docs/README.rst", "Rich tool\n=========\n\nText.\n");
                DistributionBuilderTest.write(dir, "pyproject.toml", """
                        [project]
                        name = "Rich.Tool"
                        dynamic = ["version"]
                        description = "Everything at once"
                        readme = "docs/README.rst"
                        requires-python = ">=3.8"
                        license = "MIT OR Apache-2.0"
                        license-files = ["LICENSE.txt", "NOTICE"]
                        authors = [{name = "Ann Author", email = "ann@example.org"}, {name = "Only Name"}]
                        maintainers = [{email = "team@example.org"}]
                        keywords = ["demo", "maven"]
                        classifiers = ["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"]
                        dependencies = ["requests[socks]>=2.31,<3", "tomli>=1.1; python_version < '3.11'"]

                        [project.optional-dependencies]
                        Fast_Json = ["orjson>=3; platform_python_implementation == 'CPython'", "ujson"]
                        cli = ["click>=8"]

                        [project.urls]
                        Homepage = "https://example.org"
                        "Bug Tracker" = "https://example.org/issues"

                        [project.scripts]
                        rich = "helper:run"

                        [project.gui-scripts]
                        rich-gui = "rich_tool:gui"

                        [project.entry-points."rich_tool.plugins"]
                        basic = "rich_tool.plugins"
                        extra = "rich_tool.plugins:X"
                        """);
                PomFacts pom = new PomFacts("org.example", "rich-tool", "3.1.0", null, null, List.of(), null, null,
                        List.of());
                return new BuildRequest(dir, dir.resolve("src/main/python"), dir.resolve("target/dist"), pom,
                        PackageOptions.none(), "py3", null, "pypi-maven-plugin test", true);
            }
        },
        /** The older license forms: free text in the POM-less pyproject, a readme as inline text. */
        LEGACY_LICENSE_TEXT {
            @Override
            BuildRequest write(Path dir) throws IOException {
                DistributionBuilderTest.write(dir, "src/main/python/old_style/__init__.py", "");
                DistributionBuilderTest.write(dir, "COPYING", "All rights reserved.\n");
                DistributionBuilderTest.write(dir, "pyproject.toml", """
                        [project]
                        name = "old-style"
                        version = "0.9"
                        license = {text = "Proprietary; see COPYING"}
                        readme = {text = "Inline *readme*.", content-type = "text/markdown"}
                        """);
                PomFacts pom = new PomFacts("org.example", "old-style", "0.9", null, null, List.of(), null, null,
                        List.of());
                return new BuildRequest(dir, dir.resolve("src/main/python"), dir.resolve("target/dist"), pom,
                        PackageOptions.none(), "py3", null, "pypi-maven-plugin test", true);
            }
        };

        abstract BuildRequest write(Path dir) throws IOException;

        /** A release version: the same project, with pythonVersion 1.2.0. */
        private static BuildRequest release(BuildRequest r) {
            PackageOptions o = r.options();
            PackageOptions release = new PackageOptions("1.2.0", o.requiresPython(), o.license(), o.dependencies(),
                    o.entryPoints(), o.readme(), o.licenseFiles());
            return new BuildRequest(r.baseDir(), r.sourceDirectory(), r.outputDirectory(), r.pom(), release,
                    r.pythonTag(), r.outputTimestamp(), r.generator(), true);
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void needsDebiansPythonWithPipAndHatchling() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is not installed");
        ExternalCommand.Result probe = ExternalCommand.run(List.of(PYTHON, "-c", "import pip, hatchling, packaging"),
                Map.of(), Path.of("."), 60);
        Assumptions.assumeTrue(probe.ok(), PYTHON + " lacks pip, hatchling or packaging (Debian's python3-pip and"
                + " python3-hatchling; .ci/run installs them): " + probe.output());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void pipRebuildsAnEquivalentWheelFromTheSdist(Layout layout) throws Exception {
        BuiltDistributions built = new DistributionBuilder().build(layout.write(dir));
        Path out = Files.createDirectories(dir.resolve("rebuilt"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "PIP_CONFIG_FILE", "/dev/null",
                "PIP_DISABLE_PIP_VERSION_CHECK", "1", "PIP_NO_INPUT", "1", "PYTHONDONTWRITEBYTECODE", "1");
        ExternalCommand.Result wheel = ExternalCommand.run(List.of(PYTHON, "-m", "pip", "wheel", "--no-build-isolation",
                "--no-deps", "--no-index", "--no-cache-dir", "-w", out.toString(), built.sdist().toString()), env, dir,
                300);
        assertTrue(wheel.ok(), wheel.output());
        Path rebuilt;
        try (Stream<Path> files = Files.list(out)) {
            rebuilt = files.filter(p -> p.toString().endsWith(".whl")).findFirst().orElseThrow();
        }
        assertEquals(built.wheel().getFileName().toString(), rebuilt.getFileName().toString());
        ExternalCommand.Result comparison = compare(built.wheel(), rebuilt);
        assertTrue(comparison.ok(), layout + ": our wheel and the one rebuilt from the sdist differ:\n"
                + comparison.output());
        assertTrue(comparison.output().startsWith("equivalent: "), comparison.output());
    }

    /** The comparison sees what flit_core 3.8 did to the old sdists: no License-Expression, and a lost module. */
    @org.junit.jupiter.api.Test
    void theComparisonSeesALostLicenseAndALostFile() throws Exception {
        BuiltDistributions built = new DistributionBuilder().build(Layout.TOP_LEVEL_MODULES.write(dir));
        Path poorer = dir.resolve("poorer.whl");
        try (var in = new java.util.zip.ZipFile(built.wheel().toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(poorer))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                if (entry.getName().equals("alpha.py")) {
                    continue;
                }
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith("/METADATA")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("Requires-Dist: requests>=2.31\n", "Requires-Dist: requests>=2.30\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        ExternalCommand.Result comparison = compare(built.wheel(), poorer);
        assertEquals(1, comparison.exitCode(), comparison.output());
        assertTrue(comparison.output().contains("files differ"), comparison.output());
        assertTrue(comparison.output().contains("Requires-Dist: [('requests', (), '>=2.31'"), comparison.output());
    }

    private ExternalCommand.Result compare(Path ours, Path theirs) throws Exception {
        Path script = Path.of(SdistRebuildTest.class.getResource("compare_wheels.py").toURI());
        return ExternalCommand.run(List.of(PYTHON, script.toString(), ours.toString(), theirs.toString()),
                Map.of("PYTHONDONTWRITEBYTECODE", "1"), dir, 120);
    }
}
