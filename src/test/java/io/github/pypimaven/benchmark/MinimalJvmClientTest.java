package io.github.pypimaven.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.files.Sha256;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.UploadRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's floor client must deliver what the sink checks, or its time would mean nothing. */
class MinimalJvmClientTest {

    @TempDir
    Path dir;

    @Test
    void deliversEveryFileWithItsDigestOverKeptAliveConnections() throws Exception {
        List<Path> files = BenchmarkWheels.platformWheels(dir, "bench", "2.0", 5, 1);
        try (FakePyPI sink = FakePyPI.start(0).acceptToken(Benchmark.TOKEN).sink()) {
            List<String> args = new ArrayList<>(List.of(sink.uploadUrl(), Benchmark.TOKEN, "2"));
            files.forEach(f -> args.add(f.toString()));

            MinimalJvmClient.main(args.toArray(String[]::new));

            List<UploadRequest> uploads = sink.uploadRequests();
            assertEquals(files.size(), uploads.size());
            Set<String> sent = new TreeSet<>();
            Set<Integer> connections = new TreeSet<>();
            for (UploadRequest upload : uploads) {
                assertEquals(200, upload.status(), upload.toString());
                Path file = dir.resolve(upload.contentFilename());
                assertEquals(Sha256.hex(file), upload.sha256(), "the bytes the sink received");
                sent.add(upload.contentFilename());
                connections.add(upload.clientPort());
            }
            assertEquals(new TreeSet<>(files.stream().map(f -> f.getFileName().toString()).toList()), sent);
            assertTrue(connections.size() <= 2, "one connection per thread: " + connections);
        }
    }

    @Test
    void failsWhenTheSinkRefusesAnUpload() throws Exception {
        Path wheel = BenchmarkWheels.platformWheels(dir, "bench", "2.0", 1, 1).get(0);
        try (FakePyPI sink = FakePyPI.start(0).acceptToken(Benchmark.TOKEN).sink()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> MinimalJvmClient.main(
                    new String[] {sink.uploadUrl(), "pypi-not-the-token", "1", wheel.toString()}));
            assertTrue(e.getCause().getMessage().contains(wheel.getFileName().toString()), e.getCause().getMessage());
        }
    }
}
