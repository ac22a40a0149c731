package io.github.pypimaven.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one atomic write: a file is written under a temp name in its own directory, then moved over the target, so a
 * reader (pip, a parallel build, a crash) never sees a half-written file. The temp name starts with a dot, which the
 * directory listings of this project skip.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the temp path it is given; may throw to leave the target untouched. */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(Path temp) throws IOException, E;
    }

    private AtomicFiles() {
    }

    /** Writes the bytes to the target atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(bytes);
            }
        });
    }

    /**
     * Lets {@code content} write a temp file next to the target, then moves it over the target. When {@code content}
     * throws, the target is left as it was and the temp file is deleted.
     */
    public static <E extends Exception> void write(Path target, Content<E> content) throws IOException, E {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves a finished file over the target, atomically where the file system can. */
    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
