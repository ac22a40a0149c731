package io.github.pypimaven.testing.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader against archives built for each of Warehouse's rules; the first problem is Warehouse's reason. */
class ZipRecordsTest {

    private static final byte[] MODULE = "x = 1\n".repeat(20).getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsAPlainArchiveAndReportsItsEntries() throws Exception {
        byte[] zip = zip(null, "pkg/__init__.py", "pkg/data.txt");
        ZipRecords.Reading reading = ZipRecords.read(zip);
        assertEquals(List.of(), reading.problems());
        assertEquals(List.of("pkg/__init__.py", "pkg/data.txt"), reading.entries().stream().map(ZipRecords.Entry::name).toList());
        ZipRecords.Entry first = reading.entries().get(0);
        assertEquals(ZipEntry.DEFLATED, first.method());
        assertEquals(MODULE.length, first.size());
        CRC32 crc = new CRC32();
        crc.update(MODULE);
        assertEquals(crc.getValue(), first.crc());
        assertEquals(0100644, first.unixMode());
        assertEquals(0, first.localHeaderOffset());
        assertEquals(new ZipRecords.Local(first.name(), first.flags(), first.method(), first.crc(), first.compressedSize(),
                first.size(), first.local().extraLength()), first.local());
        assertEquals(reading.entries(), ZipRecords.entries(zip));
    }

    @Test
    void readsAFileLikeTheSameBytes(@TempDir Path dir) throws Exception {
        byte[] zip = append(zip(null, "a.py"), new byte[] {1});
        Path file = Files.write(dir.resolve("a.whl"), zip);
        assertEquals(ZipRecords.read(zip), ZipRecords.read(file));
        assertEquals(List.of("Trailing data"), ZipRecords.read(file).problems());
    }

    @Test
    void anArchiveCommentIsAcceptedButAnEntryCommentIsNot() throws Exception {
        assertEquals(List.of(), ZipRecords.problems(zip("built by a test", "a.py")));
        byte[] entryComment;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e = storedEntry("a.py");
            e.setComment("hello");
            out.putNextEntry(e);
            out.write(MODULE);
            out.closeEntry();
        }
        entryComment = bytes.toByteArray();
        assertEquals("Comment in central directory", ZipRecords.problems(entryComment).get(0));
        assertThrows(IllegalArgumentException.class, () -> ZipRecords.entries(entryComment));
    }

    @Test
    void dataDescriptorsTrailingDataAndNonZipsAreRefused() throws Exception {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(streamed)) {
            out.putNextEntry(new ZipEntry("a.py"));
            out.write(MODULE);
            out.closeEntry();
        }
        assertEquals(List.of("ZIP contains a data descriptor"), ZipRecords.problems(streamed.toByteArray()));
        assertEquals(List.of("Trailing data"), ZipRecords.problems(append(zip(null, "a.py"), new byte[3])));
        assertEquals(List.of("File is not a zip file"), ZipRecords.problems("not a zip".getBytes(StandardCharsets.UTF_8)));
        // Python's zipfile finds entries behind a prepended stub; Warehouse's walk from byte 0 does not.
        byte[] prepended = append("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), zip(null, "a.py"));
        assertEquals(List.of("Unknown record signature"), ZipRecords.problems(prepended));
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        // Writers refuse duplicate names, so rename the second entry in both of its headers.
        byte[] zip = zip(null, "a.py", "b.py");
        replaceAll(zip, "b.py", "a.py");
        assertEquals(List.of("Duplicate filename in local headers", "Duplicate filename in central directory"),
                ZipRecords.problems(zip));
    }

    @Test
    void localSizesMustMatchTheCentralDirectory() throws Exception {
        byte[] zip = zip(null, "a.py");
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(22, b.getInt(22) + 1); // the local uncompressed size
        assertEquals(List.of("Mis-matched file size"), ZipRecords.problems(zip));
        ZipRecords.Entry e = ZipRecords.read(zip).entries().get(0);
        assertEquals(e.size() + 1, e.local().size());
    }

    @Test
    void unprintableNamesAreRefused() throws Exception {
        assertEquals(List.of("Invalid character in filename", "Invalid character in filename"),
                ZipRecords.problems(zip(null, "a\tb.py")));
    }

    @Test
    void theEndRecordMustCountTheCentralDirectory() throws Exception {
        byte[] zip = zip(null, "a.py", "b.py");
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        b.putShort(eocd + 8, (short) 1).putShort(eocd + 10, (short) 1);
        assertEquals(List.of("Mismatched central directory records"), ZipRecords.problems(zip));
        b.putShort(eocd + 8, (short) 2);
        assertEquals(List.of("Malformed zip file"), ZipRecords.problems(zip));
    }

    @Test
    void truncatedRecordsAreRefused() throws Exception {
        byte[] zip = zip(null, "a.py");
        assertEquals(List.of("File is not a zip file"), ZipRecords.problems(Arrays.copyOf(zip, zip.length - 1)));
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putShort(26, (short) 0xffff); // local name length
        assertEquals(List.of("Malformed zip file"), ZipRecords.problems(zip));
    }

    /** A ZIP written the way the builder writes: seekable output, so sizes go into the local headers. */
    private static byte[] zip(String archiveComment, String... names) throws IOException {
        try (SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel()) {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(channel)) {
                out.setUseZip64(Zip64Mode.Never);
                if (archiveComment != null) {
                    out.setComment(archiveComment);
                }
                for (String name : names) {
                    ZipArchiveEntry e = new ZipArchiveEntry(name);
                    e.setUnixMode(0100644);
                    e.setMethod(ZipEntry.DEFLATED);
                    out.putArchiveEntry(e);
                    out.write(MODULE);
                    out.closeArchiveEntry();
                }
            }
            return Arrays.copyOf(channel.array(), (int) channel.size());
        }
    }

    private static ZipEntry storedEntry(String name) {
        ZipEntry e = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(MODULE);
        e.setMethod(ZipEntry.STORED);
        e.setSize(MODULE.length);
        e.setCompressedSize(MODULE.length);
        e.setCrc(crc.getValue());
        return e;
    }

    private static byte[] append(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void replaceAll(byte[] zip, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + f.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, zip, i, t.length);
            }
        }
    }
}
