package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A small .tar.gz can unpack into far more than the heap: the sdist reader must hold a bounded amount whatever the
 * archive holds. The heap claim is shown where it matters, in a JVM with a small heap of its own.
 */
class SdistMemoryTest {

    private static final int MEBI = 1024 * 1024;

    @TempDir
    Path dir;

    /**
     * 12 top-level directories, each with a PKG-INFO just under the 32 MiB limit: about 400 KB on disk, 384 MiB if
     * every PKG-INFO were kept. A JVM with 128 MiB of heap reads it to the clear error.
     */
    @Test
    void manyLargePkgInfosFitASmallHeap() throws Exception {
        Path sdist = dir.resolve("a-1.0.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(sdist)))) {
            for (int i = 0; i < 12; i++) {
                addFile(tar, "a" + i + "-1.0/PKG-INFO", DistributionReader.MAX_METADATA_BYTES - 1);
            }
        }
        assertTrue(Files.size(sdist) < MEBI, "the archive is small: " + Files.size(sdist));

        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Probe.class.getName(), sdist.toString())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, probe.exitValue(), output);
        assertTrue(output.contains("REFUSED Incorrect number of top-level directories in sdist a-1.0.tar.gz: found"
                + " a0-1.0 and a1-1.0"), output);
    }

    /** Many members, or long names: the reader stops at its limits instead of keeping every name. */
    @ParameterizedTest
    @CsvSource({"101, 1", "3, 400"})
    void theMemberListIsBounded(int members, int nameLength) throws IOException {
        Path sdist = dir.resolve("a-1.0.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(sdist)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            addFile(tar, "a-1.0/PKG-INFO", 10);
            for (int i = 0; i < members; i++) {
                addFile(tar, "a-1.0/" + String.valueOf(i).repeat(nameLength), 0);
            }
        }
        SdistArchive.Limits limits = new SdistArchive.Limits(100, 1000);
        assertTrue(SdistArchive.Limits.DEFAULT.members() > limits.members());
        DistributionException e = assertThrows(DistributionException.class,
                () -> SdistArchive.read(sdist, "a-1.0.tar.gz", limits));
        assertTrue(e.getMessage().contains("sdist a-1.0.tar.gz has more than 100 members or more than 1000 characters"),
                e.getMessage());
    }

    private static void addFile(TarArchiveOutputStream tar, String name, int size) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int left = size; left > 0; left -= chunk.length) {
            tar.write(chunk, 0, Math.min(left, chunk.length));
        }
        tar.closeArchiveEntry();
    }

    /** Runs in the small-heap JVM: prints how the reading ended. */
    public static final class Probe {
        public static void main(String[] args) {
            try {
                new DistributionReader().read(Path.of(args[0]));
                System.out.println("READ");
            } catch (DistributionException e) {
                System.out.println("REFUSED " + e.getMessage());
            } catch (OutOfMemoryError e) {
                System.out.println("OUT OF MEMORY");
                System.exit(3);
            }
        }
    }
}
