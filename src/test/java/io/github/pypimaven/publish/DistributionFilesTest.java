package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionFilesTest {

    @TempDir
    Path project;

    Path wheel;
    Path sdist;

    @BeforeEach
    void files() throws Exception {
        Path dist = Files.createDirectories(project.resolve("target/dist"));
        wheel = Files.writeString(dist.resolve("a-1.0-py3-none-any.whl"), "w");
        sdist = Files.writeString(dist.resolve("a-1.0.tar.gz"), "s");
        Files.writeString(dist.resolve("a-1.0.tar.gz.publish.attestation"), "{}");
        Files.writeString(dist.resolve("a-1.0.zip"), "z");
        Files.createDirectories(project.resolve("target/dist/nested"));
        Files.writeString(project.resolve("target/dist/nested/b-2.0-py3-none-any.whl"), "n");
    }

    @Test
    void keepsOnlyArtifactsWithDistributionNames() throws Exception {
        Path jar = Files.writeString(project.resolve("a.jar"), "j");
        assertEquals(List.of(wheel, sdist), new DistributionFiles().collect(List.of(jar, wheel, sdist), project, List.of()));
    }

    @Test
    void addsGlobMatchesOnceEach() throws Exception {
        List<Path> files = new DistributionFiles().collect(List.of(wheel), project, List.of("target/dist/*"));
        assertEquals(List.of(wheel, sdist), files, "the attachment and the glob match of the wheel count once");
    }

    @Test
    void doubleStarGoesIntoSubdirectories() throws Exception {
        List<Path> files = new DistributionFiles().collect(List.of(), project, List.of("target/**/*.whl"));
        assertEquals(List.of("a-1.0-py3-none-any.whl", "b-2.0-py3-none-any.whl"),
                files.stream().map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void acceptsPlainPaths() throws Exception {
        assertEquals(List.of(sdist), new DistributionFiles().collect(List.of(), project, List.of("target/dist/a-1.0.tar.gz")));
    }

    @Test
    void aPatternThatMatchesNothingIsAnError() {
        PublishException e = assertThrows(PublishException.class,
                () -> new DistributionFiles().collect(List.of(), project, List.of("dist/*")));
        assertTrue(e.getMessage().contains("'dist/*' matched no file under " + project), e.getMessage());
        e = assertThrows(PublishException.class,
                () -> new DistributionFiles().collect(List.of(), project, List.of("target/dist/*.zip")));
        assertTrue(e.getMessage().contains("matched no .whl or .tar.gz file"), e.getMessage());
    }

    @Test
    void everyPatternMustMatchEvenWhenAnotherDid() {
        PublishException e = assertThrows(PublishException.class, () -> new DistributionFiles().collect(List.of(),
                project, List.of("target/dist/*.whl", "target/dist/*.zip")));
        assertTrue(e.getMessage().contains("'target/dist/*.zip' matched no .whl or .tar.gz file"), e.getMessage());
    }

    @Test
    void patternsAreRelativeToTheBaseDirectoryAndMayLeaveIt() throws Exception {
        Path module = Files.createDirectories(project.resolve("module"));
        assertEquals(List.of(wheel, sdist), new DistributionFiles().collect(List.of(), module,
                List.of("../target/dist/*")));
        assertEquals(List.of(wheel), new DistributionFiles().collect(List.of(), module,
                List.of(" ..\\target\\dist\\*.whl ")));
    }

    @Test
    void aBaseDirectoryWithGlobCharactersInItsNameIsAPlainPath() throws Exception {
        Path odd = Files.createDirectories(project.resolve("odd [1] {x}"));
        Path copy = Files.copy(wheel, odd.resolve(wheel.getFileName()));
        assertEquals(List.of(copy), new DistributionFiles().collect(List.of(), odd, List.of("*.whl")));
    }
}
