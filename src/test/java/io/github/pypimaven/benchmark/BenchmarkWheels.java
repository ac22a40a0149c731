package io.github.pypimaven.benchmark;

import io.github.pypimaven.testing.archive.StoredZipEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Valid wheels of a chosen size for the benchmark and the memory test: one STORED member of pseudo-random bytes
 * (incompressible, as a native library is nearly), METADATA, WHEEL and RECORD, written in 1 MiB chunks so that a
 * file of any size is made in constant memory. STORED members carry their sizes and CRC up front, so no data
 * descriptor is written (PyPI refuses those).
 */
public final class BenchmarkWheels {

    static final int MIB = 1024 * 1024;
    private static final List<String> PYTHONS = List.of("cp38", "cp39", "cp310", "cp311", "cp312", "cp313", "cp314",
            "cp315");

    private BenchmarkWheels() {
    }

    /**
     * {@code count} wheels of one release, {@code mebibytes} each, with distinct platform tags (at most 200): the
     * shape of a release of a native extension for many Pythons and platforms.
     */
    public static List<Path> platformWheels(Path dir, String name, String version, int count, long mebibytes)
            throws IOException {
        List<String> platforms = new ArrayList<>();
        for (int glibc = 17; glibc <= 28; glibc++) {
            platforms.add("manylinux_2_" + glibc + "_x86_64");
            platforms.add("manylinux_2_" + glibc + "_aarch64");
        }
        platforms.add("win_amd64");
        if (count > PYTHONS.size() * platforms.size()) {
            throw new IllegalArgumentException("at most " + PYTHONS.size() * platforms.size() + " wheels");
        }
        List<Path> wheels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String python = PYTHONS.get(i % PYTHONS.size());
            String tag = python + "-" + python + "-" + platforms.get(i / PYTHONS.size());
            wheels.add(wheel(dir, name, version, tag, mebibytes, i));
        }
        return wheels;
    }

    /** A pure-Python wheel ({@code py3-none-any}) of about {@code mebibytes}. */
    public static Path wheel(Path dir, String name, String version, long mebibytes) throws IOException {
        return wheel(dir, name, version, "py3-none-any", mebibytes, 0);
    }

    private static Path wheel(Path dir, String name, String version, String tag, long mebibytes, long seed)
            throws IOException {
        String distInfo = name + "-" + version + ".dist-info/";
        Path file = dir.resolve(name + "-" + version + "-" + tag + ".whl");
        byte[] chunk = new byte[MIB];
        new Random(seed).nextBytes(chunk);
        CRC32 crc = new CRC32();
        for (long i = 0; i < mebibytes; i++) {
            crc.update(chunk);
        }
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), MIB))) {
            ZipEntry data = new ZipEntry(name + "/data.bin");
            data.setMethod(ZipEntry.STORED);
            data.setSize(mebibytes * MIB);
            data.setCompressedSize(mebibytes * MIB);
            data.setCrc(crc.getValue());
            zip.putNextEntry(data);
            for (long i = 0; i < mebibytes; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
            boolean pure = tag.endsWith("-none-any");
            stored(zip, distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                    + "\nSummary: A benchmark wheel\n");
            stored(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: pypi-maven-plugin benchmark\n"
                    + "Root-Is-Purelib: " + pure + "\nTag: " + tag + "\n");
            stored(zip, distInfo + "RECORD", "");
        }
        return file;
    }

    private static void stored(ZipOutputStream zip, String name, String text) throws IOException {
        StoredZipEntry.write(zip, name, text.getBytes(StandardCharsets.UTF_8));
    }
}
