package io.github.pypimaven.packaging;

import static io.github.pypimaven.packaging.DistributionBuilderTest.createProject;
import static io.github.pypimaven.packaging.DistributionBuilderTest.request;
import static io.github.pypimaven.packaging.DistributionBuilderTest.unzip;
import static io.github.pypimaven.packaging.DistributionBuilderTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.archive.TarEntries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The writers pack the project's own files under safe names: never a file a link leads to outside the tree. */
class SourceTreeSafetyTest {

    private static final String SECRET = "root:x:0:0:a file outside the project\n";

    @TempDir
    Path dir;

    private Path project;
    private Path outside;
    private final DistributionBuilder builder = new DistributionBuilder();

    @BeforeEach
    void project() throws IOException {
        project = dir.resolve("project");
        createProject(project);
        outside = dir.resolve("outside");
        write(outside, "passwd", SECRET);
        write(outside, "pkg/stolen.py", SECRET);
    }

    private void link(String path, Path target) throws IOException {
        Path link = project.resolve(path);
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot create symbolic links: " + e);
        }
    }

    private BuiltDistributions build() throws PackagingException {
        return builder.build(request(project, "py3", null));
    }

    @Test
    void linksOutOfTheSourceTreeAreLeftOutAndLinksInsideArePacked() throws Exception {
        link("src/main/python/demo_tool/passwd.py", outside.resolve("passwd"));
        link("src/main/python/demo_tool/linked", outside.resolve("pkg"));
        link("src/main/python/demo_tool/dangling.py", outside.resolve("missing.py"));
        link("src/main/python/demo_tool/alias.py", Path.of("cli.py"));
        BuiltDistributions built = build();

        Map<String, byte[]> wheel = unzip(built.wheel());
        assertFalse(wheel.containsKey("demo_tool/passwd.py"), wheel.keySet().toString());
        assertFalse(wheel.keySet().stream().anyMatch(n -> n.contains("linked") || n.contains("dangling")));
        assertEquals("def main():\n    print('hi')\n", new String(wheel.get("demo_tool/alias.py"),
                StandardCharsets.UTF_8), "a link inside the tree is packed as the file it leads to");
        List<TarEntries.Entry> sdist = TarEntries.readTarGz(Files.readAllBytes(built.sdist()));
        assertTrue(sdist.stream().anyMatch(e -> e.name().endsWith("src/demo_tool/alias.py")));
        for (byte[] content : wheel.values()) {
            assertFalse(new String(content, StandardCharsets.UTF_8).contains(SECRET));
        }
        assertTrue(sdist.stream().noneMatch(e -> e.text().contains(SECRET)));
    }

    /** A Linux file name may hold a backslash or a line break: refused, never turned into a '../' member. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "src/main/python/demo_tool/x\\..\\..\\..\\evil.py | contains a backslash",
        "src/main/python/x\\..\\..\\evil.py | contains a backslash",
        "src/main/python/demo_tool/a\u0001b.py | contains a control character",
    })
    void sourceFilesWithUnsafeNamesAreRefused(String path, String reason) throws IOException {
        try {
            write(project, path, "x = 1\n");
        } catch (java.nio.file.InvalidPathException e) {
            Assumptions.abort("this file system cannot name a file " + path);
        }
        PackagingException e = assertThrows(PackagingException.class, this::build);
        assertTrue(e.getMessage().contains("names cannot be put into a wheel or sdist"), e.getMessage());
        assertTrue(e.getMessage().contains(reason) && e.getMessage().contains("Rename them"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(Files.exists(project.resolve("target/dist")) && Files.list(project.resolve("target/dist"))
                .findAny().isPresent(), "nothing is written");
    }

    @ParameterizedTest
    @CsvSource({"README.md, readme", "LICENSE, license file"})
    void aReadmeOrLicenseLinkedFromOutsideIsRefused(String file, String what) throws IOException {
        Files.delete(project.resolve(file));
        link(file, outside.resolve("passwd"));
        PackagingException e = assertThrows(PackagingException.class, this::build);
        assertTrue(e.getMessage().contains(what + " " + project.resolve(file)), e.getMessage());
        assertTrue(e.getMessage().contains("outside the project directory"), e.getMessage());
        assertTrue(e.getMessage().contains("Copy the file into the project"), e.getMessage());
    }

    @Test
    void theWriterRefusesAnUnsafeMemberNameWhereverItComesFrom() {
        PackagingException e = assertThrows(PackagingException.class, () -> ArchiveFiles.requireSafeMemberNames(
                List.of("demo_tool/ok.py", "demo_tool/../../evil.py"), "the wheel x-1.0-py3-none-any.whl"));
        assertTrue(e.getMessage().contains("Cannot write the wheel x-1.0-py3-none-any.whl: the member name"
                + " 'demo_tool/../../evil.py' climbs out of the archive"), e.getMessage());
    }
}
