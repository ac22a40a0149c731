package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code package} warns about, each warning naming the POM element or the pyproject.toml key to change, and the
 * earlier builds it clears out of the output folder.
 */
class PackageWarningsTest {

    @TempDir
    Path dir;
    private final DistributionBuilder builder = new DistributionBuilder();

    /** What the plugin's loggers write (slf4j-simple writes to standard error) while {@code action} runs. */
    private static String log(ThrowingRunnable action) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static PomFacts pom(String version, String description, List<String> licenses) {
        return new PomFacts("org.example", "demo", version, description, null, licenses, null, null, List.of());
    }

    private static List<String> warnings(String log) {
        return log.lines().filter(l -> l.contains("WARN")).toList();
    }

    @Test
    void aPomWithoutDescriptionOrLicenseIsNamed() throws Exception {
        String log = log(() -> builder.readMetadata(dir, pom("1.0.0", null, List.of()), PackageOptions.none()));
        assertEquals(2, warnings(log).size(), log);
        assertTrue(log.contains("The POM of org.example:demo has no <description>, so the Python distributions have no"
                + " Summary"), log);
        assertTrue(log.contains("The POM of org.example:demo has no <licenses>, so the Python distributions declare no"
                + " license"), log);
        String complete = log(() -> builder.readMetadata(dir, pom("1.0.0", "Demo.", List.of("MIT")),
                PackageOptions.none()));
        assertEquals(List.of(), warnings(complete));
    }

    @Test
    void aStaticPyprojectVersionThatIsNotTheMavenVersionIsNamed() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"1.0.0\"\n");
        String drifted = log(() -> builder.readMetadata(dir, pom("1.1.0", "Demo.", List.of("MIT")),
                PackageOptions.none()));
        assertTrue(drifted.contains("[project].version is 1.0.0, but the Maven version (the POM's <version>) gives"
                + " 1.1.0; the distributions get 1.0.0"), drifted);
        // PEP 440 equality: 1.0 is 1.0.0; and a Maven version with no PEP 440 form leaves the static one alone.
        String same = log(() -> builder.readMetadata(dir, pom("1.0", "Demo.", List.of("MIT")), PackageOptions.none()));
        String unconvertible = log(() -> builder.readMetadata(dir, pom("1.0-weird-qualifier", "Demo.", List.of("MIT")),
                PackageOptions.none()));
        assertEquals(List.of(), warnings(same));
        assertFalse(unconvertible.contains("[project].version"), unconvertible);
    }

    @Test
    void aBuildSystemTableIsNamedAsIgnored() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[build-system]\nrequires = [\"setuptools\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"demo\"\ndynamic = [\"version\"]\n");
        String log = log(() -> builder.readMetadata(dir, pom("1.0.0", "Demo.", List.of("MIT")), PackageOptions.none()));
        assertTrue(log.contains("pyproject.toml: [build-system] is ignored"), log);
        assertEquals(1, warnings(log).size(), log);
    }

    @Test
    void earlierBuildsOfThisProjectAreClearedAndOtherFilesKept() throws Exception {
        DistributionBuilderTest.createProject(dir);
        Path out = Files.createDirectories(dir.resolve("target/dist"));
        for (String stale : List.of("demo_tool-1.1.0-py3-none-any.whl", "demo_tool-1.1.0.tar.gz",
                "demo_tool-1.2.0.dev0-py2.py3-none-any.whl")) {
            Files.writeString(out.resolve(stale), "old");
        }
        for (String other : List.of("other_project-1.0-py3-none-any.whl", "notes.txt", "demo_tool-notes.txt")) {
            Files.writeString(out.resolve(other), "keep");
        }
        String log = log(() -> builder.build(DistributionBuilderTest.request(dir, "py3", null)));
        Set<String> left;
        try (Stream<Path> files = Files.list(out)) {
            left = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(Set.of("demo_tool-1.2.0.dev0-py3-none-any.whl", "demo_tool-1.2.0.dev0.tar.gz",
                "other_project-1.0-py3-none-any.whl", "notes.txt", "demo_tool-notes.txt"), left);
        assertTrue(log.contains("Removed " + out.resolve("demo_tool-1.1.0.tar.gz") + " from an earlier build"), log);
    }
}
