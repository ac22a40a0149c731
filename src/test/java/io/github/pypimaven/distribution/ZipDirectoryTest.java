package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.ExternalCommand;
import io.github.pypimaven.testing.archive.StoredZipEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipDirectoryTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final byte[] METADATA = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n\nA description.\n"
            .repeat(50).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void readsWhatJavasOwnReaderReadsAndTheMembersBytes() throws IOException {
        Path zip = dir.resolve("a.whl");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setComment("an archive comment moves the end record");
            stored(out, "demo/__init__.py", "x = 1\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("demo-1.0.dist-info/METADATA")); // deflated, streamed: a data descriptor
            out.write(METADATA);
            out.closeEntry();
            stored(out, "demo/ünïcode.txt", new byte[0]);
            out.putNextEntry(new ZipEntry("demo/sub/"));
            out.closeEntry();
        }
        List<ZipDirectory.Entry> entries = entries(zip);
        try (ZipFile reference = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(reference.entries())) {
                names.add(e.getName());
            }
            assertEquals(names, entries.stream().map(ZipDirectory.Entry::name).toList());
            for (ZipDirectory.Entry entry : entries) {
                ZipEntry e = reference.getEntry(entry.name());
                assertEquals(e.getMethod(), entry.method(), entry.name());
                assertEquals(e.getCrc(), entry.crc(), entry.name());
                assertEquals(e.getSize(), entry.size(), entry.name());
                assertEquals(e.getCompressedSize(), entry.compressedSize(), entry.name());
                assertEquals(e.isDirectory(), entry.isDirectory(), entry.name());
            }
        }
        ZipDirectory.Entry metadata = entries.get(1);
        assertEquals(ZipDirectory.DEFLATED, metadata.method());
        assertTrue(metadata.usesDataDescriptor(), "ZipOutputStream streams deflated members");
        assertFalse(entries.get(0).usesDataDescriptor());
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            ZipDirectory directory = ZipDirectory.read(channel);
            assertArrayEquals(METADATA, directory.read(metadata, METADATA.length));
            assertEquals(101, directory.read(metadata, 100).length,
                    "a member over the limit comes back one byte over it, for the caller to refuse");
            assertTrue(directory.localHeaderUsesDataDescriptor(metadata));
            assertFalse(directory.localHeaderUsesDataDescriptor(entries.get(0)));
        }
    }

    @Test
    void readsAZip64ArchiveOfMoreThan65535Members() throws IOException {
        Path zip = dir.resolve("many.whl");
        int count = 70_000;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < count; i++) {
                stored(out, "m/" + i, new byte[0]);
            }
            stored(out, "last", METADATA);
        }
        List<ZipDirectory.Entry> entries = entries(zip);
        assertEquals(count + 1, entries.size());
        assertEquals("m/69999", entries.get(count - 1).name());
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            ZipDirectory directory = ZipDirectory.read(channel);
            assertArrayEquals(METADATA, directory.read(entries.get(count), Integer.MAX_VALUE - 1));
        }
    }

    @Test
    void damagedArchivesAreRefusedWithTheReason() throws IOException {
        Path zip = dir.resolve("a.whl");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            stored(out, "demo-1.0.dist-info/METADATA", METADATA);
        }
        byte[] good = Files.readAllBytes(zip);

        Path truncated = Files.write(dir.resolve("t.whl"), java.util.Arrays.copyOf(good, good.length - 30));
        assertTrue(refusal(truncated).contains("no end of central directory"), refusal(truncated));

        Path tiny = Files.write(dir.resolve("tiny.whl"), new byte[] {'P', 'K'});
        assertTrue(refusal(tiny).contains("too short"), refusal(tiny));

        byte[] badCrc = good.clone();
        badCrc[30 + "demo-1.0.dist-info/METADATA".length()] ^= 1; // the member's first byte
        Path corrupt = Files.write(dir.resolve("c.whl"), badCrc);
        try (FileChannel channel = FileChannel.open(corrupt, StandardOpenOption.READ)) {
            ZipDirectory directory = ZipDirectory.read(channel);
            ZipException e = assertThrows(ZipException.class,
                    () -> directory.read(directory.entries().get(0), Integer.MAX_VALUE - 1));
            assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
        }

        byte[] badLocal = good.clone();
        badLocal[0] = 'X'; // the local header's signature
        Path local = Files.write(dir.resolve("l.whl"), badLocal);
        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.READ)) {
            ZipDirectory directory = ZipDirectory.read(channel);
            ZipException e = assertThrows(ZipException.class,
                    () -> directory.localHeaderUsesDataDescriptor(directory.entries().get(0)));
            assertTrue(e.getMessage().contains("local header"), e.getMessage());
        }
    }

    @Test
    void bytesAfterTheEndRecordAreIgnoredAsPythonIgnoresThem() throws IOException, InterruptedException {
        Path zip = dir.resolve("a.whl");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setComment("a comment");
            stored(out, "demo-1.0.dist-info/METADATA", METADATA);
        }
        Files.write(zip, new byte[100], StandardOpenOption.APPEND);
        List<ZipDirectory.Entry> entries = entries(zip);
        assertEquals(List.of("demo-1.0.dist-info/METADATA"), entries.stream().map(ZipDirectory.Entry::name).toList());
        if (Files.isExecutable(PYTHON)) {
            ExternalCommand.Result python = ExternalCommand.run(List.of(PYTHON.toString(), "-c",
                    "import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).namelist())", zip.toString()), Map.of(),
                    dir, 60);
            assertEquals("['demo-1.0.dist-info/METADATA']", python.output().strip(), python.output());
        }
    }

    @Test
    void agreesWithPythonsZipfileAsPyPIReadsIt() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "Debian's /usr/bin/python3 is not installed");
        Path zip = dir.resolve("a.whl");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            stored(out, "demo/__init__.py", "x = 1\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("demo-1.0.dist-info/METADATA"));
            out.write(METADATA);
            out.closeEntry();
        }
        ExternalCommand.Result python = ExternalCommand.run(List.of(PYTHON.toString(), "-c",
                "import sys, zipfile\n"
                        + "for i in zipfile.ZipFile(sys.argv[1]).infolist():\n"
                        + "    print(i.filename, i.compress_type, i.flag_bits & 8, i.header_offset, i.CRC)\n",
                zip.toString()), Map.of(), dir, 60);
        assertEquals(0, python.exitCode(), python.output());
        List<String> ours = new ArrayList<>();
        for (ZipDirectory.Entry e : entries(zip)) {
            ours.add(e.name() + " " + e.method() + " " + (e.flags() & 8) + " " + e.localHeaderOffset() + " " + e.crc());
        }
        assertEquals(python.output().strip().lines().toList(), ours);
    }

    private static List<ZipDirectory.Entry> entries(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            return ZipDirectory.read(channel).entries();
        }
    }

    private static String refusal(Path zip) {
        return assertThrows(ZipException.class, () -> entries(zip)).getMessage();
    }

    private static void stored(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        StoredZipEntry.write(out, name, bytes);
    }
}
