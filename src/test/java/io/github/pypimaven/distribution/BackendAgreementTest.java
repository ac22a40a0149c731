package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.packaging.BuildRequest;
import io.github.pypimaven.packaging.BuiltDistributions;
import io.github.pypimaven.packaging.DistributionBuilder;
import io.github.pypimaven.packaging.PackageOptions;
import io.github.pypimaven.packaging.PomFacts;
import io.github.pypimaven.testing.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plugin's checks against the fake PyPI's upload rules on distributions real build backends make: the backends
 * Debian packages (built offline with {@code python3 -m build --no-isolation}) and the plugin's own {@code package}
 * goal, all from one project whose metadata has the cases that matter (a non-normalized name, aiohttp's Matrix URL, a
 * readme, dependencies with markers, extras, classifiers). Every file must get the same verdict from both; the wheels,
 * which every backend names correctly, must be accepted. A backend that is not installed is skipped, saying which
 * Debian package provides it (.ci/run installs them).
 */
class BackendAgreementTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String README = "# Agreement demo\n\nChecks that the plugin and PyPI agree.\n";
    private static final String MODULE = "\"\"\"Agreement demo.\"\"\"\n\n__version__ = \"1.0.0\"\n\n\ndef main():\n"
            + "    print(\"agreed\")\n";
    private static final String PEP_621 = """
            [project]
            name = "%NAME%"
            version = "1.0.0"
            description = "Checks that the plugin and PyPI agree"
            readme = "README.md"
            requires-python = ">=3.8"
            license = {text = "MIT"}
            keywords = ["pypi", "maven"]
            authors = [{name = "A. Person", email = "a.person@example.org"}]
            classifiers = ["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"]
            dependencies = ["requests>=2.31", "tomli>=1; python_version < '3.11'"]

            [project.optional-dependencies]
            cli = ["click>=8"]

            [project.urls]
            Homepage = "https://example.org/agreement"
            "Chat: Matrix" = "https://matrix.to/#/#aio-libs:matrix.org"
            "Source Code" = "https://github.com/example/agreement-demo"

            [project.scripts]
            agreement-demo = "agreement_demo:main"
            """;

    /** The backends Debian 12 packages; pdm-backend is not among them, its predecessor pdm-pep517 is. */
    enum Backend {
        SETUPTOOLS("setuptools", "python3-setuptools python3-wheel", "setuptools.build_meta", PEP_621),
        FLIT_CORE("flit_core", "flit", "flit_core.buildapi", PEP_621 + """

                [tool.flit.module]
                name = "agreement_demo"
                """),
        HATCHLING("hatchling", "python3-hatchling", "hatchling.build", PEP_621 + """

                [tool.hatch.build.targets.wheel]
                packages = ["agreement_demo"]
                """),
        POETRY_CORE("poetry.core", "python3-poetry-core", "poetry.core.masonry.api", """
                [tool.poetry]
                name = "%NAME%"
                version = "1.0.0"
                description = "Checks that the plugin and PyPI agree"
                readme = "README.md"
                license = "MIT"
                authors = ["A. Person <a.person@example.org>"]
                keywords = ["pypi", "maven"]
                homepage = "https://example.org/agreement"
                repository = "https://github.com/example/agreement-demo"
                classifiers = ["Programming Language :: Python :: 3"]
                packages = [{include = "agreement_demo"}]

                [tool.poetry.dependencies]
                python = ">=3.8"
                requests = ">=2.31"
                click = {version = ">=8", optional = true}

                [tool.poetry.extras]
                cli = ["click"]

                [tool.poetry.urls]
                "Chat: Matrix" = "https://matrix.to/#/#aio-libs:matrix.org"

                [tool.poetry.scripts]
                agreement-demo = "agreement_demo:main"
                """),
        PDM_PEP517("pdm.pep517", "python3-pdm-pep517", "pdm.pep517.api", PEP_621);

        final String module;
        final String debianPackage;
        final String buildBackend;
        final String metadata;

        Backend(String module, String debianPackage, String buildBackend, String metadata) {
            this.module = module;
            this.debianPackage = debianPackage;
            this.buildBackend = buildBackend;
            this.metadata = metadata;
        }

        String pyproject(String name) {
            return ("[build-system]\nrequires = [\"" + module.replace('.', '-').replace('_', '-') + "\"]\n"
                    + "build-backend = \"" + buildBackend + "\"\n\n" + metadata).replace("%NAME%", name);
        }
    }

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static ExternalCommand.Result python(Path workDir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        return ExternalCommand.run(command, Map.of("HOME", workDir.toString(), "PYTHONDONTWRITEBYTECODE", "1",
                "SOURCE_DATE_EPOCH", "1580601600", "PIP_NO_INDEX", "1"), workDir, 300);
    }

    private static void assumeImportable(String module, String debianPackage) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed");
        ExternalCommand.Result probe = python(Path.of("."), "-c", "import " + module);
        Assumptions.assumeTrue(probe.ok(), "Debian's " + module + " is not installed (apt-get install " + debianPackage
                + "): " + probe.output().strip());
    }

    /**
     * Two projects per backend: one named plainly, whose wheel every backend names as PyPI wants (so it must be
     * accepted), and one named {@code Agreement.Demo}, which older backends put in file names unnormalized (PyPI
     * refuses those, and so must the plugin).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void filesOfDebiansBuildBackends(Backend backend) throws Exception {
        assumeImportable("build", "python3-build");
        assumeImportable(backend.module, backend.debianPackage);
        for (String name : List.of("agreement_demo", "Agreement.Demo")) {
            for (Path file : build(backend, name)) {
                Verdicts v = Verdicts.of(file);
                System.out.println(backend + ": " + v); // the report shows what each backend made and both verdicts
                v.assertAgree();
                if (name.equals("agreement_demo") && file.toString().endsWith(".whl")) {
                    assertTrue(v.pypiAccepts(), backend + "'s wheel should be accepted: " + v);
                }
            }
        }
    }

    /** Builds the wheel and the sdist offline with Debian's backend (no isolation: nothing is downloaded). */
    private List<Path> build(Backend backend, String name) throws Exception {
        Path project = dir.resolve(backend + "-" + name);
        write(project.resolve("pyproject.toml"), backend.pyproject(name));
        write(project.resolve("README.md"), README);
        write(project.resolve("LICENSE"), "MIT License\n");
        write(project.resolve("agreement_demo/__init__.py"), MODULE);
        Path out = project.resolve("dist");
        // The dependency check looks for installed distributions by name, which Debian's packaging does not always
        // provide; the backend itself was found importable above.
        ExternalCommand.Result build = python(project, "-m", "build", "--no-isolation", "--skip-dependency-check",
                "--sdist", "--wheel", "--outdir", out.toString(), project.toString());
        assertTrue(build.ok(), backend + " could not build " + name + ":\n" + build.output());
        try (Stream<Path> list = Files.list(out)) {
            List<Path> files = list.sorted().toList();
            assertEquals(2, files.size(), backend + " built " + files);
            return files;
        }
    }

    @Test
    void filesOfThePluginsPackageGoal() throws Exception {
        write(dir.resolve("pyproject.toml"), PEP_621.replace("%NAME%", "Agreement.Demo"));
        write(dir.resolve("README.md"), README);
        write(dir.resolve("src/main/python/agreement_demo/__init__.py"), MODULE);
        PomFacts pom = new PomFacts("org.example", "agreement-demo", "1.0.0", "A demo.", null, List.of("MIT"), null,
                null, List.of());
        PackageOptions options = new PackageOptions(null, null, null, List.of(), List.of(), null, null);
        BuiltDistributions built = new DistributionBuilder().build(new BuildRequest(dir, dir.resolve("src/main/python"),
                dir.resolve("target/dist"), pom, options, "py3", null, "pypi-maven-plugin test", true));
        for (Path file : List.of(built.wheel(), built.sdist())) {
            Verdicts v = Verdicts.of(file);
            v.assertAgree();
            assertTrue(v.pypiAccepts(), "the package goal's files should be accepted: " + v);
        }
    }
}
