package io.github.pypimaven.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs copies of this project's own projects as ITs: the projects of examples/, and this plugin's own build. Each
 * IT copies what it builds, so the originals stay clean.
 */
public final class ItExamples {

    private ItExamples() {}

    public static void copy(Object projectRoot, String example, Object basedir) throws IOException {
        copyTree(Path.of(projectRoot.toString(), "examples", example), basedir);
    }

    /** Copies a file, or a directory with everything in it except build output (target/), to the given path. */
    public static void copyTree(Object from, Object to) throws IOException {
        Path source = Path.of(from.toString());
        Path target = Path.of(to.toString());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).startsWith("target")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Fails unless both directories hold the named files with identical bytes. */
    public static void assertSameFiles(Object first, Object second, List<String> names) throws IOException {
        for (String name : names) {
            byte[] a = Files.readAllBytes(Path.of(first.toString(), name));
            byte[] b = Files.readAllBytes(Path.of(second.toString(), name));
            if (!Arrays.equals(a, b)) {
                throw new AssertionError(name + " differs between two builds: the build is not reproducible");
            }
        }
    }
}
