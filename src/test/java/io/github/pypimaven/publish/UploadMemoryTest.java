package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.benchmark.BenchmarkWheels;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.UploadRequest;
import io.github.pypimaven.upload.DigestPlacement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Publishing holds a bounded amount of memory whatever the size and the number of the files: shown where it matters,
 * in a JVM with a 64 MiB heap of its own, sending to the fake PyPI as a sink (which checks every sha256).
 */
class UploadMemoryTest {

    static final String TOKEN = "pypi-memory-token-0123456789";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} wheels of {1} MiB at -Xmx64m")
    @CsvSource({"1, 2048", "200, 1"})
    void publishesInASmallHeap(int count, int mebibytes) throws Exception {
        List<Path> files = count == 1 ? List.of(BenchmarkWheels.wheel(dir, "big", "1.0", mebibytes))
                : BenchmarkWheels.platformWheels(dir, "many", "1.0", count, mebibytes);
        try (FakePyPI sink = FakePyPI.start(0).acceptToken(TOKEN).sink().maxFileSize(Long.MAX_VALUE)) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"), Probe.class.getName(), sink.uploadUrl()));
            files.forEach(f -> command.add(f.toString()));
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(probe.waitFor(600, TimeUnit.SECONDS), output);
            assertEquals(0, probe.exitValue(), output);
            assertTrue(output.contains("PUBLISHED " + count), output);
            List<UploadRequest> uploads = sink.uploadRequests();
            assertEquals(count, uploads.size());
            assertTrue(uploads.stream().allMatch(u -> u.status() == 200), String.valueOf(uploads));
        }
    }

    /** Runs in the small-heap JVM: publishes the files as on PyPI (digests after the file, four at a time). */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            List<Path> files = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                files.add(Path.of(args[i]));
            }
            try {
                List<PublishedFile> published = TestServices.publisher().publish(TestServices.withToken(files,
                        TestTargets.remote(args[0]), TOKEN).digestPlacement(DigestPlacement.AFTER_FILE)
                        .transferProgress(false).build());
                System.out.println("PUBLISHED " + published.size());
            } catch (OutOfMemoryError e) {
                System.out.println("OUT OF MEMORY");
                System.exit(3);
            }
        }
    }
}
