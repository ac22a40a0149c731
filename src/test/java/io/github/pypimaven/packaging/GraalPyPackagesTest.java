package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** graalpy-maven-plugin's {@code <packages>} against the Requires-Dist of the distribution built from the same project. */
class GraalPyPackagesTest {

    private static final List<String> PACKAGES = List.of("termcolor==2.2", "Requests[socks]>=2.31", "ujson; python_version>='3'");

    @TempDir
    Path dir;

    private final DistributionBuilder builder = new DistributionBuilder();

    /** The metadata and everything logged while reading it. */
    private record Read(ProjectMetadata metadata, String log) {
    }

    private Read read(List<String> dependencies, List<String> packages, boolean copy) throws PackagingException {
        PackageOptions options = new PackageOptions(null, null, null, dependencies, null, null, null,
                new GraalPyPackages(packages, copy));
        PomFacts pom = new PomFacts("com.example", "word-tool", "1.0.0", "Counts words.", null, List.of("MIT"), null, null,
                List.of());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Read(builder.readMetadata(dir, pom, options), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private void pyproject(String dependencies) throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"word-tool\"\ndynamic = [\"version\""
                + (dependencies == null ? ", \"dependencies\"]\n" : "]\ndependencies = " + dependencies + "\n"));
    }

    private static long warnings(String log) {
        return log.lines().filter(l -> l.contains("WARN")).count();
    }

    @Test
    void eachPackageTheDistributionDoesNotRequireIsNamedInAWarningAndNotCopied() throws Exception {
        Read read = read(List.of("requests>=2.0"), PACKAGES, false);
        assertEquals(List.of("requests>=2.0"), read.metadata().dependencies());
        assertTrue(read.log().contains("graalpy-maven-plugin's <packages> installs 'termcolor==2.2', but word-tool 1.0.0"
                + " does not require it"), read.log());
        assertTrue(read.log().contains("installs 'ujson; python_version>='3''"), read.log());
        assertTrue(read.log().contains("pypi.requiresFromGraalPyPackages=true"), read.log());
        assertFalse(read.log().contains("Requests[socks]"), "requests is required (its name is compared, normalized)");
        assertEquals(2, warnings(read.log()), read.log());
    }

    @Test
    void requiresFromGraalPyPackagesCopiesTheMissingOnesWithTheirSpecifiers() throws Exception {
        Read read = read(List.of("requests>=2.0"), PACKAGES, true);
        assertEquals(List.of("requests>=2.0", "termcolor==2.2", "ujson; python_version>='3'"), read.metadata().dependencies());
        assertEquals(0, warnings(read.log()), read.log());
        assertTrue(read.log().contains("Requires-Dist: termcolor==2.2 (copied from graalpy-maven-plugin's <packages>"), read.log());
    }

    @Test
    void aPyprojectWithDynamicDependenciesGetsThemCopied() throws Exception {
        pyproject(null);
        assertEquals(PACKAGES, read(List.of(), PACKAGES, true).metadata().dependencies());
    }

    @Test
    void aPyprojectWithStaticDependenciesIsComparedButNeverExtended() throws Exception {
        pyproject("[\"termcolor>=2\", \"requests\"]");
        Read read = read(List.of(), PACKAGES, false);
        assertEquals(List.of("termcolor>=2", "requests"), read.metadata().dependencies());
        assertEquals(1, warnings(read.log()), read.log());
        assertTrue(read.log().contains("'ujson; python_version>='3''"), read.log());

        PackagingException e = assertThrows(PackagingException.class, () -> read(List.of(), PACKAGES, true));
        assertTrue(e.getMessage().startsWith("pypi.requiresFromGraalPyPackages is set, but " + dir.resolve("pyproject.toml")
                + " lists [project].dependencies, which PEP 621 forbids a build backend to extend; write"
                + " ujson; python_version>='3' there, or replace the list by \"dependencies\" in [project].dynamic"),
                e.getMessage());
    }

    @Test
    void entriesThatAreNotRequirementsAreNamedAndCannotBeCopied() throws Exception {
        Read read = read(List.of(), List.of("--pre", "./wheels/local.whl"), false);
        assertEquals(2, warnings(read.log()), read.log());
        assertTrue(read.log().contains("lists '--pre', which is not a requirement by name"), read.log());

        PackagingException e = assertThrows(PackagingException.class, () -> read(List.of(), List.of("--pre"), true));
        assertTrue(e.getMessage().startsWith("graalpy-maven-plugin's <packages>: '--pre' is not a PEP 508 requirement:"
                + " expected a project name"), e.getMessage());
    }

    @Test
    void aProjectWithoutGraalPyIsUntouched() throws Exception {
        Read read = read(List.of("requests"), List.of(), false);
        assertEquals(List.of("requests"), read.metadata().dependencies());
        assertEquals(0, warnings(read.log()), read.log());
        assertEquals(GraalPyPackages.none(), PackageOptions.none().graalPyPackages());
    }
}
