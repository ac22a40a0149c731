package io.github.pypimaven.benchmark;

import io.github.pypimaven.publish.Publisher;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.upload.RetryPolicy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Publishes generated wheels of growing size (16 MiB to 1 GiB by default) to the fake PyPI on loopback, in one
 * JVM, and prints the time of the whole run (reading and hashing, checking, uploading, the server's hashing and
 * checks) and the peak heap. Run it with a small {@code -Xmx} to show that memory does not grow with the file:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx64m -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     io.github.pypimaven.benchmark.UploadBenchmark [sizes in MiB...]
 * </pre>
 *
 * Not a test: timings belong in a report, not in assertions.
 */
public final class UploadBenchmark {

    private static final String TOKEN = "pypi-benchmark-token";
    private static final int CHUNK = 1024 * 1024;

    private UploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = args.length == 0 ? List.of(16L, 256L, 1024L) : java.util.Arrays.stream(args).map(Long::parseLong).toList();
        Path dir = Files.createTempDirectory("pypi-benchmark");
        Publisher publisher = TestServices.publisher();
        System.out.printf(Locale.ROOT, "Java %s, max heap %d MiB, %d cores%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() / CHUNK, Runtime.getRuntime().availableProcessors());
        System.out.println("| file size | publish time | throughput | peak heap used |");
        System.out.println("|---:|---:|---:|---:|");
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken(TOKEN).maxFileSize(Long.MAX_VALUE)) {
            int version = 1;
            for (long mebibytes : sizes) {
                Path wheel = wheel(dir, "1." + version++, mebibytes);
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                publisher.publish(TestServices.withToken(List.of(wheel), TestTargets.remote(pypi.uploadUrl()), TOKEN)
                        .retry(new RetryPolicy(1, Duration.ZERO)).build(), new java.io.PrintStream(OutputStream.nullOutputStream()));
                double seconds = (System.nanoTime() - start) / 1e9;
                long size = Files.size(wheel);
                System.out.printf(Locale.ROOT, "| %d MiB | %.1f s | %.0f MiB/s | %d MiB |%n", size / CHUNK, seconds,
                        size / (double) CHUNK / seconds, peakHeap() / CHUNK);
                Files.delete(wheel);
                Files.delete(pypi.files().get(wheel.getFileName().toString()).path());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A valid wheel with one large STORED member of pseudo-random bytes, written without holding it in memory. */
    static Path wheel(Path dir, String version, long mebibytes) throws IOException {
        String distInfo = "bench-" + version + ".dist-info/";
        Path file = dir.resolve("bench-" + version + "-py3-none-any.whl");
        byte[] chunk = new byte[CHUNK];
        new java.util.Random(42).nextBytes(chunk);
        CRC32 crc = new CRC32();
        for (long i = 0; i < mebibytes; i++) {
            crc.update(chunk);
        }
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), CHUNK))) {
            ZipEntry data = new ZipEntry("bench/data.bin");
            data.setMethod(ZipEntry.STORED);
            data.setSize(mebibytes * CHUNK);
            data.setCompressedSize(mebibytes * CHUNK);
            data.setCrc(crc.getValue());
            zip.putNextEntry(data);
            for (long i = 0; i < mebibytes; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
            stored(zip, distInfo + "METADATA", "Metadata-Version: 2.1\nName: bench\nVersion: " + version + "\nSummary: benchmark\n");
            stored(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: benchmark\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
            stored(zip, distInfo + "RECORD", "");
        }
        return file;
    }

    /** STORED with sizes and CRC set first, so java.util.zip writes no data descriptor (PyPI refuses those). */
    private static void stored(ZipOutputStream zip, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
