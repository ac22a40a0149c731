package io.github.pypimaven.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * The README names the plugin version a user can resolve, and the release procedure (README, "Releasing") leaves
 * the project consistent at every step. The rule: the README names the last release recorded in CHANGELOG.md
 * ({@code ## [x.y.z] - date}); before the first release, the SNAPSHOT being built (which resolves only from a local
 * {@code mvn install}). A release commit (no -SNAPSHOT) has its CHANGELOG section; a SNAPSHOT after a release is
 * newer than it; the examples build with the plugin version being built.
 */
class ReleaseVersionsTest {

    private static final Pattern RELEASED = Pattern.compile("^## \\[(\\d+\\.\\d+\\.\\d+)] - \\d{4}-\\d{2}-\\d{2}$",
            Pattern.MULTILINE);
    private static final Pattern NAMED_IN_GOAL = Pattern.compile("io\\.github\\.pypimaven:pypi-maven-plugin:(\\d[^:\\s]*):");
    private static final Pattern NAMED_IN_POM = Pattern.compile(
            "<artifactId>pypi-maven-plugin</artifactId>\\s*<version>(\\d[^<]*)</version>");
    private static final Pattern EXAMPLE_PROPERTY = Pattern.compile(
            "<pypi-maven-plugin\\.version>([^<]+)</pypi-maven-plugin\\.version>");

    /** The version the README must name: the last release in the changelog, else the SNAPSHOT being built. */
    static String resolvableVersion(String changelog, String projectVersion) {
        Optional<String> lastRelease = lastRelease(changelog);
        if (!projectVersion.endsWith("-SNAPSHOT")) {
            if (!lastRelease.equals(Optional.of(projectVersion))) {
                throw new IllegalStateException("pom.xml's version " + projectVersion + " is a release, but CHANGELOG.md's"
                        + " newest release section is " + lastRelease.map(v -> "[" + v + "]").orElse("missing")
                        + ": move the [Unreleased] entries under '## [" + projectVersion + "] - <date>' (README,"
                        + " Releasing)");
            }
            return projectVersion;
        }
        lastRelease.ifPresent(released -> {
            if (compare(projectVersion.substring(0, projectVersion.length() - "-SNAPSHOT".length()), released) <= 0) {
                throw new IllegalStateException("pom.xml's version " + projectVersion + " is not newer than the last"
                        + " release " + released + " in CHANGELOG.md: after a release, bump to the next -SNAPSHOT");
            }
        });
        return lastRelease.orElse(projectVersion);
    }

    static Optional<String> lastRelease(String changelog) {
        Matcher m = RELEASED.matcher(changelog.replace("\r\n", "\n"));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static List<String> namedVersions(String readme) {
        List<String> versions = new ArrayList<>();
        for (Pattern p : List.of(NAMED_IN_GOAL, NAMED_IN_POM)) {
            p.matcher(readme).results().forEach(r -> versions.add(r.group(1)));
        }
        return versions;
    }

    private static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(x, y);
    }

    private static String projectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        for (var node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("pom.xml has no <version>");
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    @Test
    void theReadmeNamesTheVersionAUserCanResolve() throws Exception {
        String expected = resolvableVersion(read("CHANGELOG.md"), projectVersion());
        List<String> named = namedVersions(read("README.md"));
        assertFalse(named.isEmpty(), "README.md names no version of io.github.pypimaven:pypi-maven-plugin");
        for (String version : named) {
            assertEquals(expected, version, "README.md names pypi-maven-plugin " + version + "; it must name "
                    + expected + " (the last release in CHANGELOG.md, or before the first release the SNAPSHOT being"
                    + " built): see the README, Releasing");
        }
    }

    @Test
    void theExamplesBuildWithThePluginBeingBuilt() throws Exception {
        String version = projectVersion();
        for (String pom : List.of("examples/jython-greeter/pom.xml", "examples/graalpy-wordcount/pom.xml")) {
            Matcher m = EXAMPLE_PROPERTY.matcher(read(pom));
            assertTrue(m.find(), pom + " has no <pypi-maven-plugin.version>");
            assertEquals(version, m.group(1), pom + "'s <pypi-maven-plugin.version> must be pom.xml's version");
        }
    }

    @ParameterizedTest
    @CsvSource({
        // no release yet: the SNAPSHOT being built
        "'## [Unreleased]\n', 0.1.0-SNAPSHOT, 0.1.0-SNAPSHOT",
        // the release commit, and the development after it
        "'## [Unreleased]\n\n## [0.1.0] - 2026-12-01\n', 0.1.0, 0.1.0",
        "'## [Unreleased]\n\n## [0.2.0] - 2027-01-01\n\n## [0.1.0] - 2026-12-01\n', 0.2.1-SNAPSHOT, 0.2.0",
        "'## [Unreleased]\r\n\r\n## [0.1.0] - 2026-12-01\r\n', 0.1.1-SNAPSHOT, 0.1.0"})
    void theRuleFollowsTheReleaseProcedure(String changelog, String projectVersion, String expected) {
        assertEquals(expected, resolvableVersion(changelog, projectVersion));
    }

    @ParameterizedTest
    @CsvSource({
        "'## [Unreleased]\n', 0.1.0, '[Unreleased] entries under ''## [0.1.0]'",
        "'## [0.1.0] - 2026-12-01\n', 0.2.0, 'newest release section is [0.1.0]'",
        "'## [0.1.0] - 2026-12-01\n', 0.1.0-SNAPSHOT, 'bump to the next -SNAPSHOT'",
        "'## [0.10.0] - 2026-12-01\n', 0.9.0-SNAPSHOT, 'not newer than the last release 0.10.0'"})
    void aReleaseWithoutItsSectionOrASnapshotNotAfterTheReleaseIsRefused(String changelog, String version,
            String message) {
        String text = assertThrows(IllegalStateException.class, () -> resolvableVersion(changelog, version)).getMessage();
        assertTrue(text.contains(message), text);
    }

    @Test
    void findsTheVersionsInGoalsAndPluginBlocks() {
        String readme = """
                <plugin>
                  <groupId>io.github.pypimaven</groupId>
                  <artifactId>pypi-maven-plugin</artifactId>
                  <version>0.3.0</version>
                mvn -B io.github.pypimaven:pypi-maven-plugin:0.2.0:publish
                (release X.Y.Z: io.github.pypimaven:pypi-maven-plugin:X.Y.Z:publish)
                """;
        assertEquals(List.of("0.2.0", "0.3.0"), namedVersions(readme));
    }
}
