package io.github.pypimaven.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesLeavingNoTempFile() throws Exception {
        Path target = dir.resolve("index.html");
        AtomicFiles.write(target, "one".getBytes());
        assertEquals("one", Files.readString(target));
        AtomicFiles.write(target, "two".getBytes());
        assertEquals("two", Files.readString(target));
        assertEquals(List.of("index.html"), names());
    }

    @Test
    void theTargetKeepsItsOldContentUntilTheNewOneIsComplete() throws Exception {
        Path target = Files.writeString(dir.resolve("a.whl"), "old");
        AtomicFiles.write(target, temp -> {
            Files.writeString(temp, "half");
            assertEquals("old", Files.readString(target));
            assertEquals(dir, temp.getParent(), "same directory, so the move can be atomic");
            assertTrue(temp.getFileName().toString().startsWith(".a.whl"), "hidden from directory listings");
            Files.writeString(temp, "new");
        });
        assertEquals("new", Files.readString(target));
    }

    /** A checked exception of the caller's own, as LocalIndex throws when a copy's digest is wrong. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void whenTheContentFailsTheTargetIsUntouchedAndTheTempFileGone() throws Exception {
        Path target = Files.writeString(dir.resolve("a.whl"), "old");
        Refused refused = new Refused();
        assertSame(refused, assertThrows(Refused.class, () -> AtomicFiles.write(target, temp -> {
            Files.writeString(temp, "bad");
            throw refused;
        })));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("a.whl"), names());

        Path absent = dir.resolve("b.whl");
        assertThrows(IOException.class, () -> AtomicFiles.write(absent, temp -> {
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(absent));
        assertEquals(List.of("a.whl"), names());
    }
}
