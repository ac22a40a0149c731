package io.github.pypimaven.testing.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The one raw ZIP reader of the test sources, without any ZIP library. It reads an archive the two ways Warehouse
 * does in {@code warehouse/utils/zipfiles.py}: first from the end through the central directory (what Python's
 * {@code zipfile} gives: the entries), then record by record from the first byte ({@code validate_zipfile}: the
 * problems). The fake PyPI refuses a file when {@link Reading#problems()} is not empty, and the builder tests hold
 * their wheels to the same verdict, so both agree on what PyPI accepts.
 *
 * <p>The first problem is exactly Warehouse's reason. Warehouse stops there; this reader goes on past problems that
 * leave the framing readable (comments, duplicates, size mismatches, unprintable names, end record mismatches) so a
 * test sees all of them, and stops at the ones after which it could only guess (truncation, unknown records, data
 * descriptors). Needs no JUnit, so IT scripts can call it.
 */
public final class ZipRecords {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int EOCD = 0x06054b50;
    private static final int EOCD64 = 0x06064b50;
    private static final int EOCD64_LOCATOR = 0x07064b50;
    private static final long MASK32 = 0xffffffffL;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int UNICODE_PATH_EXTRA = 0x7075;
    /** Python's zipfile decodes names without the language-encoding flag (bit 11) as code page 437. */
    private static final Charset CP437 = Charset.forName("IBM437");

    /** What the reader found: entries in central-directory order, and Warehouse-worded problems (empty = accepted). */
    public record Reading(List<Entry> entries, List<String> problems) {

        public boolean acceptable() {
            return problems.isEmpty();
        }
    }

    /**
     * One central-directory entry (sizes and offset with ZIP64 values applied) and the local header found at its
     * offset, or null when there is none.
     */
    public record Entry(String name, int versionMadeBy, int flags, int method, int dosTime, int dosDate, long crc,
            long compressedSize, long size, int extraLength, long externalAttributes, long localHeaderOffset,
            Local local) {

        /** The Unix mode stored in the high 16 bits of the external attributes. */
        public int unixMode() {
            return (int) (externalAttributes >>> 16);
        }
    }

    /** The fields of a local file header that may disagree with the central directory. */
    public record Local(String name, int flags, int method, long crc, long compressedSize, long size,
            int extraLength) {
    }

    /** Raised to stop the forward walk where Warehouse's verdict leaves nothing sensible to read next. */
    private static final class Fatal extends Exception {
        Fatal(String problem) {
            super(problem, null, false, false);
        }
    }

    private ZipRecords() {
    }

    public static Reading read(byte[] zip) {
        try {
            return read(new SeekableInMemoryByteChannel(zip));
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    /** Reads a file without loading it: the fake PyPI checks uploads of any size. */
    public static Reading read(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            return read(channel);
        }
    }

    /** Everything wrong with the ZIP by PyPI's rules, worded like Warehouse; empty when it would be accepted. */
    public static List<String> problems(byte[] zip) {
        return read(zip).problems();
    }

    /** The entries of a ZIP that PyPI would accept; IllegalArgumentException naming the problems otherwise. */
    public static List<Entry> entries(byte[] zip) {
        Reading reading = read(zip);
        if (!reading.acceptable()) {
            throw new IllegalArgumentException("not a ZIP PyPI accepts: " + reading.problems());
        }
        return reading.entries();
    }

    private static Reading read(SeekableByteChannel channel) throws IOException {
        Records in = new Records(channel);
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            readCentralDirectory(in, entries);
        } catch (Fatal e) {
            // Warehouse returns zipfile.BadZipFile's message before walking the records.
            problems.add(e.getMessage());
            return new Reading(List.copyOf(entries), List.copyOf(problems));
        }
        Map<String, long[]> centralSizes = new HashMap<>();
        for (Entry e : entries) {
            centralSizes.put(e.name(), new long[] {e.compressedSize(), e.size()}); // later duplicates win, as in Python
        }
        try {
            walk(in, centralSizes, problems);
        } catch (Fatal e) {
            problems.add(e.getMessage());
        }
        return new Reading(List.copyOf(entries), List.copyOf(problems));
    }

    // ---- From the end, as Python's zipfile opens an archive -------------------------------------------------------

    private static void readCentralDirectory(Records in, List<Entry> entries) throws IOException, Fatal {
        long eocd = findEndRecord(in);
        long cdSize = in.u32(eocd + 12);
        long cdOffset = in.u32(eocd + 16);
        // Python trusts the stated size and offset only relative to where the end record really is ("concat"):
        // bytes prepended to an archive shift every offset by the same amount.
        long concat = eocd - cdSize - cdOffset;
        if (eocd >= 20 && in.u32(eocd - 20) == (EOCD64_LOCATOR & MASK32)) {
            long eocd64 = in.u64(eocd - 20 + 8);
            if (eocd64 < 0 || eocd64 + 56 > in.size() || in.u32(eocd64) != (EOCD64 & MASK32)) {
                throw new Fatal("Corrupt ZIP64 end of central directory locator");
            }
            cdSize = in.u64(eocd64 + 40);
            cdOffset = in.u64(eocd64 + 48);
            concat = eocd - 56 - 20 - cdSize - cdOffset;
        }
        if (concat < 0) {
            throw new Fatal("Bad offset for central directory");
        }
        long p = cdOffset + concat;
        long end = p + cdSize;
        try {
            while (p < end) {
                if (p + 46 > in.size()) {
                    throw new Fatal("Truncated central directory");
                }
                if (in.u32(p) != (CENTRAL & MASK32)) {
                    throw new Fatal("Bad magic number for central directory");
                }
                p += centralEntry(in, p, concat, entries);
            }
        } catch (EOFException e) {
            throw new Fatal("Truncated central directory");
        }
    }

    /** Adds the entry whose central header is at {@code p}; returns the header's length. */
    private static long centralEntry(Records in, long p, long concat, List<Entry> entries) throws IOException {
        int flags = in.u16(p + 8);
        int nameLength = in.u16(p + 28);
        int extraLength = in.u16(p + 30);
        int commentLength = in.u16(p + 32);
        byte[] rawName = in.bytes(p + 46, nameLength);
        byte[] extra = in.bytes(p + 46 + nameLength, extraLength);
        long size = in.u32(p + 24);
        long compressed = in.u32(p + 20);
        long offset = in.u32(p + 42);
        // ZIP64 values follow in this order, each only when its 32-bit field is saturated (APPNOTE 4.5.3).
        ByteBuffer zip64 = extraField(extra, ZIP64_EXTRA);
        if (zip64 != null) {
            if (size == MASK32 && zip64.remaining() >= 8) {
                size = zip64.getLong();
            }
            if (compressed == MASK32 && zip64.remaining() >= 8) {
                compressed = zip64.getLong();
            }
            if (offset == MASK32 && zip64.remaining() >= 8) {
                offset = zip64.getLong();
            }
        }
        offset += concat;
        String name = new String(rawName, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : CP437);
        entries.add(new Entry(name, in.u16(p + 4), flags, in.u16(p + 10), in.u16(p + 12), in.u16(p + 14),
                in.u32(p + 16), compressed, size, extraLength, in.u32(p + 38), offset, localAt(in, offset)));
        return 46L + nameLength + extraLength + commentLength;
    }

    private static long findEndRecord(Records in) throws IOException, Fatal {
        long lowest = Math.max(0, in.size() - 22 - 0xffff); // the archive comment is at most 64 KiB
        for (long i = in.size() - 22; i >= lowest; i--) {
            if (in.u32(i) == (EOCD & MASK32)) {
                return i;
            }
        }
        throw new Fatal("File is not a zip file");
    }

    private static Local localAt(Records in, long offset) throws IOException {
        if (offset < 0 || offset + 30 > in.size() || in.u32(offset) != (LOCAL & MASK32)) {
            return null;
        }
        int nameLength = in.u16(offset + 26);
        String name = new String(in.bytes(offset + 30, Math.min(nameLength, (int) (in.size() - offset - 30))),
                StandardCharsets.UTF_8);
        return new Local(name, in.u16(offset + 6), in.u16(offset + 8), in.u32(offset + 14), in.u32(offset + 18),
                in.u32(offset + 22), in.u16(offset + 28));
    }

    private static ByteBuffer extraField(byte[] extra, int wanted) {
        ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 4) {
            int id = b.getShort() & 0xffff;
            int length = b.getShort() & 0xffff;
            if (length > b.remaining()) {
                return null;
            }
            if (id == wanted) {
                return b.slice(b.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            }
            b.position(b.position() + length);
        }
        return null;
    }

    // ---- From the first byte, as Warehouse's validate_zipfile walks the records -----------------------------------

    private static void walk(Records in, Map<String, long[]> centralSizes, List<String> problems)
            throws IOException, Fatal {
        Set<ByteBuffer> localNames = new HashSet<>();
        Set<ByteBuffer> centralNames = new HashSet<>();
        boolean sawEocd64 = false;
        boolean sawLocator = false;
        long cdRecords = 0;
        long cdOffset = -1;
        long cdSize = 0;
        long[] zip64End = null; // records, size, offset
        in.position(0);
        while (true) {
            long at = in.position();
            int signature = (int) in.next32();
            if (signature == EOCD && sawEocd64 && !sawLocator) {
                throw new Fatal("Malformed zip file");
            }
            if (signature == CENTRAL) {
                if (cdOffset < 0) {
                    cdOffset = at;
                }
                cdRecords++;
                ByteBuffer name = centralHeader(in, problems);
                cdSize += in.position() - at - in.u16(at + 32); // Warehouse counts the header without its comment
                if (!centralNames.add(name)) {
                    problems.add("Duplicate filename in central directory");
                } else if (!localNames.contains(name)) {
                    problems.add("Missing filename in local headers");
                }
            } else if (signature == LOCAL) {
                ByteBuffer name = localHeader(in, centralSizes, problems);
                if (!localNames.add(name)) {
                    problems.add("Duplicate filename in local headers");
                }
            } else if (signature == EOCD) {
                if (cdOffset < 0) {
                    cdOffset = at;
                }
                long[] end = endRecord(in);
                if (zip64End != null && sawLocator) {
                    end = zip64End;
                }
                if (end[0] != cdRecords) {
                    problems.add("Mismatched central directory records");
                }
                if (end[2] != cdOffset) {
                    problems.add("Mismatched central directory offset");
                }
                if (end[1] != cdSize) {
                    problems.add("Mismatched central directory size");
                }
                break;
            } else if (signature == EOCD64) {
                sawEocd64 = true;
                zip64End = zip64EndRecord(in);
            } else if (signature == EOCD64_LOCATOR) {
                sawLocator = true;
                in.skip(16);
            } else {
                throw new Fatal("Unknown record signature");
            }
        }
        if (!centralNames.equals(localNames)) {
            problems.add("Mis-matched local headers and central directory");
        }
        if (in.position() != in.size()) {
            problems.add("Trailing data");
        }
    }

    private static ByteBuffer localHeader(Records in, Map<String, long[]> centralSizes, List<String> problems)
            throws IOException, Fatal {
        in.skip(2);
        int flags = in.next16();
        int method = in.next16();
        in.skip(8); // time, date, crc
        long compressed = in.next32();
        long size = in.next32();
        int nameLength = in.next16();
        int extraLength = in.next16();
        byte[] name = in.next(nameLength);
        byte[] extra = in.next(extraLength);
        if (unprintable(name)) {
            problems.add("Invalid character in filename");
        }
        ByteBuffer extras = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        Set<Integer> seen = new HashSet<>();
        while (extras.hasRemaining()) {
            if (extras.remaining() < 4) {
                throw new Fatal("Malformed zip file");
            }
            int id = extras.getShort() & 0xffff;
            int length = extras.getShort() & 0xffff;
            if (length > extras.remaining()) {
                throw new Fatal("Malformed zip file");
            }
            ByteBuffer data = extras.slice(extras.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            extras.position(extras.position() + length);
            if (!seen.add(id) && (id == ZIP64_EXTRA || id == UNICODE_PATH_EXTRA)) {
                problems.add("Invalid duplicate extra in local file");
            }
            if (id == ZIP64_EXTRA) {
                long[] sizes = zip64LocalSizes(data, method, compressed, size);
                compressed = sizes[0];
                size = sizes[1];
            } else if (id == UNICODE_PATH_EXTRA && length >= 5) {
                byte[] unicodeName = new byte[length - 5]; // after a version byte and the CRC of the plain name
                data.position(5).get(unicodeName);
                if (unprintable(unicodeName)) {
                    problems.add("Invalid character in filename");
                } else if (utf8(unicodeName) == null) {
                    problems.add("Filename not valid UTF-8");
                }
            }
        }
        if ((flags & 0x08) != 0) {
            // The local sizes are zeros, so the walk cannot find the next record: stop, as Warehouse does.
            throw new Fatal("ZIP contains a data descriptor");
        }
        String decoded = utf8(name);
        long[] expected = decoded == null ? null : centralSizes.get(decoded);
        if (decoded == null) {
            problems.add("Filename not unicode");
        } else if (expected == null) {
            problems.add("Filename not in central directory");
        } else if (expected[0] != compressed) {
            problems.add("Mis-matched data size");
        } else if (expected[1] != size) {
            problems.add("Mis-matched file size");
        }
        in.skip(compressed);
        return ByteBuffer.wrap(name);
    }

    /** Compressed and uncompressed sizes once a local ZIP64 extra is applied; only its known lengths are valid. */
    private static long[] zip64LocalSizes(ByteBuffer data, int method, long compressed, long size) throws Fatal {
        switch (data.remaining()) {
            case 0:
                if (compressed == MASK32 || size == MASK32) {
                    throw new Fatal("Malformed zip file");
                }
                return new long[] {compressed, size};
            case 8: {
                // Only the uncompressed size: meaningful for STORED entries alone, where both sizes are equal.
                if (method != 0) {
                    throw new Fatal("Malformed zip file");
                }
                long stored = data.getLong();
                return new long[] {stored, size == MASK32 ? stored : size};
            }
            case 16:
            case 24:
            case 28: {
                long uncompressed = data.getLong();
                return new long[] {data.getLong(), size == MASK32 ? uncompressed : size};
            }
            default:
                throw new Fatal("Malformed zip file");
        }
    }

    private static ByteBuffer centralHeader(Records in, List<String> problems) throws IOException, Fatal {
        in.skip(24);
        int nameLength = in.next16();
        int extraLength = in.next16();
        int commentLength = in.next16();
        in.skip(12);
        byte[] name = in.next(nameLength);
        in.skip(extraLength);
        in.skip(commentLength);
        if (commentLength != 0) {
            problems.add("Comment in central directory");
        }
        if (unprintable(name)) {
            problems.add("Invalid character in filename");
        }
        return ByteBuffer.wrap(name);
    }

    /** Records, size and offset of the central directory as the end record states them. */
    private static long[] endRecord(Records in) throws IOException, Fatal {
        in.skip(4);
        int onDisk = in.next16();
        int records = in.next16();
        long size = in.next32();
        long offset = in.next32();
        int commentLength = in.next16();
        if (onDisk != records) {
            throw new Fatal("Malformed zip file");
        }
        in.skip(commentLength);
        return new long[] {records, size, offset};
    }

    private static long[] zip64EndRecord(Records in) throws IOException, Fatal {
        long recordSize = in.next64();
        in.skip(12);
        long onDisk = in.next64();
        long records = in.next64();
        long size = in.next64();
        long offset = in.next64();
        if (onDisk != records) {
            throw new Fatal("Malformed zip file");
        }
        if (recordSize != 44) {
            throw new Fatal("ZIP64 extensible data not allowed");
        }
        return new long[] {records, size, offset};
    }

    private static boolean unprintable(byte[] name) {
        for (byte b : name) {
            if ((b & 0xff) < 0x20 || b == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Little-endian reads from a channel: absolute ones for the central directory, sequential ones for the walk.
     * Running out of bytes in the walk is Warehouse's "Malformed zip file".
     */
    private static final class Records {
        private final SeekableByteChannel channel;
        private final long size;
        private long position;

        Records(SeekableByteChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        long size() {
            return size;
        }

        long position() {
            return position;
        }

        void position(long value) {
            position = value;
        }

        byte[] bytes(long at, int length) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(length);
            channel.position(at);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    throw new EOFException();
                }
            }
            return b.array();
        }

        private ByteBuffer le(long at, int length) throws IOException {
            return ByteBuffer.wrap(bytes(at, length)).order(ByteOrder.LITTLE_ENDIAN);
        }

        int u16(long at) throws IOException {
            return le(at, 2).getShort() & 0xffff;
        }

        long u32(long at) throws IOException {
            return le(at, 4).getInt() & MASK32;
        }

        long u64(long at) throws IOException {
            return le(at, 8).getLong();
        }

        byte[] next(int length) throws Fatal, IOException {
            if (position + length > size) {
                throw new Fatal("Malformed zip file");
            }
            byte[] b = bytes(position, length);
            position += length;
            return b;
        }

        int next16() throws Fatal, IOException {
            return ByteBuffer.wrap(next(2)).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        }

        long next32() throws Fatal, IOException {
            return ByteBuffer.wrap(next(4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & MASK32;
        }

        long next64() throws Fatal, IOException {
            return ByteBuffer.wrap(next(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }

        /** Python's seek past the end succeeds; the next read then fails, so this only moves. */
        void skip(long length) {
            position += length;
        }
    }
}
