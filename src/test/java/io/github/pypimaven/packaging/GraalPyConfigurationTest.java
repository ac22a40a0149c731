package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraalPyConfigurationTest {

    @TempDir
    Path base;

    private Path sources(String resourceDirectory, String externalDirectory, String... resourceRoots) {
        List<Path> roots = java.util.Arrays.stream(resourceRoots).map(base::resolve).toList();
        return new GraalPyConfiguration(resourceDirectory, externalDirectory, List.of())
                .pythonSourceDirectory(base, roots);
    }

    @ParameterizedTest(name = "resourceDirectory={0}, externalDirectory={1}")
    @CsvSource(nullValues = "-", value = {
            "-, -, src/main/resources/org.graalvm.python.vfs/src",
            "'  ', '', src/main/resources/org.graalvm.python.vfs/src",
            "GRAALPY-VFS/com.example/wordlib, -, src/main/resources/GRAALPY-VFS/com.example/wordlib/src",
            "/GRAALPY-VFS/com.example/wordlib/, -, src/main/resources/GRAALPY-VFS/com.example/wordlib/src",
            "-, python-resources, python-resources/src",
            "GRAALPY-VFS/ignored, python-resources, python-resources/src",
    })
    void followsGraalPysLayout(String resourceDirectory, String externalDirectory, String expected) {
        assertEquals(base.resolve(expected), sources(resourceDirectory, externalDirectory, "src/main/resources"));
    }

    @Test
    void anAbsoluteExternalDirectoryIsKept() {
        Path external = base.resolve("elsewhere/python");
        assertEquals(external.resolve("src"), sources(null, external.toString(), "src/main/resources"));
    }

    @Test
    void theResourceDirectoryThatHasTheSourcesWins() throws Exception {
        Files.createDirectories(base.resolve("src/main/more-resources/org.graalvm.python.vfs/src/pkg"));
        assertEquals(base.resolve("src/main/more-resources/org.graalvm.python.vfs/src"),
                sources(null, null, "src/main/resources", "src/main/more-resources"));
        assertEquals(base.resolve("src/main/resources/org.graalvm.python.vfs/src"),
                sources(null, null, "src/main/resources", "src/main/other"), "none has it: the first");
    }

    @Test
    void withoutResourceDirectoriesMavensDefaultIsAssumed() {
        assertEquals(base.resolve("src/main/resources/org.graalvm.python.vfs/src"), sources(null, null));
    }

    @Test
    void blankPackagesAreDropped() {
        GraalPyConfiguration configuration = new GraalPyConfiguration(null, null, List.of(" termcolor==2.2 ", "", "  "));
        assertEquals(List.of("termcolor==2.2"), configuration.packages());
        assertEquals(new GraalPyPackages(List.of("termcolor==2.2"), true), configuration.packages(true));
        assertEquals(List.of(), new GraalPyConfiguration(null, null, null).packages());
    }
}
