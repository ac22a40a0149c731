package io.github.pypimaven.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileGlobTest {

    @TempDir
    Path dir;

    /** The base directory; its name has glob characters, which must not count as a pattern. */
    Path base;

    @BeforeEach
    void tree() throws IOException {
        base = Files.createDirectories(dir.resolve("project [1] {x}"));
        for (String file : List.of("LICENSE", "LICENCE.md", "NOTICE", "README.md", "target/dist/a-1.0-py3-none-any.whl",
                "target/dist/a-1.0.tar.gz", "target/dist/nested/b-2.0-py3-none-any.whl", ".git/LICENSE",
                "legal/COPYING.txt", "legal/deep/COPYING.txt")) {
            Path path = base.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        Files.createDirectories(base.resolve("adirectory.whl"));
        Files.createDirectories(dir.resolve("sibling/dist"));
        Files.writeString(dir.resolve("sibling/dist/c-1.0.tar.gz"), "c");
    }

    private List<String> match(String pattern) throws IOException {
        return new FileGlob(base, pattern).files().stream()
                .map(p -> base.relativize(p).toString().replace('\\', '/')).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LICEN[CS]E*                 | LICENCE.md,LICENSE",
        "target/dist/*               | target/dist/a-1.0-py3-none-any.whl,target/dist/a-1.0.tar.gz",
        "target/**/*.whl             | target/dist/a-1.0-py3-none-any.whl,target/dist/nested/b-2.0-py3-none-any.whl",
        "target/dist/**              | target/dist/a-1.0-py3-none-any.whl,target/dist/a-1.0.tar.gz,target/dist/nested/b-2.0-py3-none-any.whl",
        "*/COPYING.txt               | legal/COPYING.txt",
        "legal/*/COPYING.txt         | legal/deep/COPYING.txt",
        "{NOTICE,README.md}          | NOTICE,README.md",
        "?OTICE                      | NOTICE",
        "target/dist/a-1.0.tar.gz    | target/dist/a-1.0.tar.gz",
        "./target/../NOTICE          | NOTICE",
        "target/dist/missing.whl     | ''",
        "target/dist                 | ''",
        "*.whl                       | ''",
        "nothing/here/*              | ''",
    })
    void matchesRegularFilesOnly(String pattern, String expected) throws IOException {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertEquals(want, match(pattern));
    }

    @Test
    void aStarStaysInItsDirectoryAndTheWalkGoesNoDeeperThanThePatternReaches() throws IOException {
        List<String> asked = new ArrayList<>();
        List<Path> found = new FileGlob(base, "*", path -> asked.add(path) && false).files();
        assertEquals(List.of("LICENCE.md", "LICENSE", "NOTICE", "README.md"),
                found.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(asked.stream().noneMatch(p -> p.contains("/")), "nothing below the top level was visited: " + asked);
    }

    @Test
    void anExcludedDirectoryIsNotEntered() throws IOException {
        List<String> asked = new ArrayList<>();
        List<Path> found = new FileGlob(base, "**/LICENSE", path -> {
            asked.add(path);
            return path.startsWith(".") || path.equals("target");
        }).files();
        assertEquals(List.of(), found, ".git/LICENSE is excluded with its directory");
        assertTrue(asked.contains(".git") && asked.contains("target"), asked.toString());
        assertTrue(asked.stream().noneMatch(p -> p.startsWith(".git/") || p.startsWith("target/")), asked.toString());
    }

    @Test
    void excludedFilesAreLeftOutOfLiteralPathsToo() throws IOException {
        assertEquals(List.of(), new FileGlob(base, ".git/LICENSE", path -> path.startsWith(".")).files());
        assertEquals(1, new FileGlob(base, ".git/LICENSE").files().size());
    }

    @Test
    void thePlainPartMayLeaveTheBaseOrBeAbsolute() throws IOException {
        Path sdist = dir.resolve("sibling/dist/c-1.0.tar.gz");
        assertEquals(List.of(sdist), new FileGlob(base, "../sibling/dist/*.tar.gz").files());
        String absolute = dir.resolve("sibling").toAbsolutePath().toString().replace('\\', '/') + "/*/*.tar.gz";
        assertEquals(List.of(sdist.toAbsolutePath()), new FileGlob(base, absolute).files().stream()
                .map(Path::toAbsolutePath).toList());
    }

    @Test
    void linksToFilesCountLinkedDirectoriesAreNotEnteredAndLoopsAreSkipped() throws IOException {
        Path linkedFile = base.resolve("LICENSE.link");
        Path linkedDir = base.resolve("linked");
        try {
            Files.createSymbolicLink(linkedFile, base.resolve("LICENSE"));
            Files.createSymbolicLink(linkedDir, base.resolve("legal"));
            Files.createSymbolicLink(base.resolve("legal/deep/loop"), base.resolve("legal"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
        assertEquals(List.of("legal/deep/COPYING.txt"), match("legal/**/COPYING.txt"),
                "a link back to an ancestor is skipped, not walked forever or failed on");
        assertTrue(match("LICENSE*").contains("LICENSE.link"));
        assertFalse(match("linked/*").isEmpty(), "a linked directory named in the plain part is walked");
        assertEquals(List.of(), match("*/COPYING.txt").stream().filter(p -> p.startsWith("linked")).toList());
    }
}
