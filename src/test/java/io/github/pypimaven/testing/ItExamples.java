package io.github.pypimaven.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Runs the projects of examples/ as ITs: each IT copies its example, so the example itself stays clean. */
public final class ItExamples {

    private ItExamples() {}

    public static void copy(Object projectRoot, String example, Object basedir) throws IOException {
        Path source = Path.of(projectRoot.toString(), "examples", example);
        Path target = Path.of(basedir.toString());
        try (Stream<Path> files = Files.walk(source)) {
            // No build output, the example's own or its sub-projects' (graalpy-wordcount/consumer).
            for (Path file : files.filter(f -> !isBuildOutput(source.relativize(f))).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path element : relative) {
            if (element.toString().equals("target")) {
                return true;
            }
        }
        return false;
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
