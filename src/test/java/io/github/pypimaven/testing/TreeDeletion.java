package io.github.pypimaven.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a test's scratch directory with everything in it: the fakes' storage, a benchmark's generated files. */
public final class TreeDeletion {

    private TreeDeletion() {
    }

    /** Deletes {@code root} and all below it, deepest first; what is already gone is fine. */
    public static void delete(Path root, String what) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + what + " " + root, e);
        }
    }
}
