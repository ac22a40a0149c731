package io.github.pypimaven.distribution;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A wheel's ZIP central directory, read straight from the file: each member's name, compression method, flags and
 * local header, which is all that checking a wheel needs, and one member's bytes (the METADATA). Written for speed as
 * much as for exactness: every release reads every wheel before its first upload, and in the fresh JVM of a
 * {@code mvn} run a general archive library costs more to load than the reading itself (a release of 200 wheels was
 * read in a quarter of a second with one, in a few dozen milliseconds with this). ZIP64 archives are read too. Any
 * structure that does not add up is a {@link ZipException}.
 */
final class ZipDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long MAGIC32 = 0xFFFFFFFFL;
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int DATA_DESCRIPTOR_FLAG = 0x08;

    /** One member as the central directory describes it. */
    record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localHeaderOffset) {

        boolean usesDataDescriptor() {
            return (flags & DATA_DESCRIPTOR_FLAG) != 0;
        }

        boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    private final FileChannel channel;
    private final long fileSize;
    private final List<Entry> entries;

    private ZipDirectory(FileChannel channel, long fileSize, List<Entry> entries) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.entries = entries;
    }

    /** Reads the central directory; the channel stays the caller's. */
    static ZipDirectory read(FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < END_SIZE) {
            throw new ZipException("the file is too short to be a ZIP archive (" + fileSize + " bytes)");
        }
        int tailSize = (int) Math.min(fileSize, END_SIZE + MAX_COMMENT);
        ByteBuffer tail = readAt(channel, fileSize - tailSize, tailSize);
        int end = endRecord(tail, tailSize);
        long count = Short.toUnsignedInt(tail.getShort(end + 10));
        long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
        long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
        long endOffset = fileSize - tailSize + end;
        if (count == 0xFFFF || directorySize == MAGIC32 || directoryOffset == MAGIC32) {
            if (endOffset < ZIP64_LOCATOR_SIZE) {
                throw new ZipException("a ZIP64 archive without its ZIP64 end record locator");
            }
            ByteBuffer locator = readAt(channel, endOffset - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
            if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
                throw new ZipException("a ZIP64 archive without its ZIP64 end record locator");
            }
            long zip64End = locator.getLong(8);
            if (zip64End < 0 || zip64End + 56 > endOffset) {
                throw new ZipException("the ZIP64 end record lies outside the archive");
            }
            ByteBuffer record = readAt(channel, zip64End, 56);
            if (record.getInt(0) != ZIP64_END_SIGNATURE) {
                throw new ZipException("the ZIP64 end record is missing");
            }
            count = record.getLong(32);
            directorySize = record.getLong(40);
            directoryOffset = record.getLong(48);
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > fileSize
                || count < 0 || count > directorySize / CENTRAL_SIZE) {
            throw new ZipException("the central directory lies outside the archive");
        }
        return new ZipDirectory(channel, fileSize, entries(channel, directoryOffset, directorySize, count));
    }

    /**
     * Where the end of central directory record starts in the file's tail, found as Python's {@code zipfile} (and so
     * PyPI) finds it: the last 22 bytes when they are a record without a comment, else the last occurrence of its
     * signature, whatever follows the record.
     */
    private static int endRecord(ByteBuffer tail, int tailSize) throws ZipException {
        int last = tailSize - END_SIZE;
        if (tail.getInt(last) == END_SIGNATURE && tail.getShort(tailSize - 2) == 0) {
            return last;
        }
        for (int at = tailSize - 4; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE) {
                if (at > last) {
                    break; // a signature too close to the end to be a record: Python refuses the archive here
                }
                return at;
            }
        }
        throw new ZipException("no end of central directory record: the archive is truncated or not a ZIP");
    }

    private static List<Entry> entries(FileChannel channel, long offset, long directorySize, long count)
            throws IOException {
        List<Entry> entries = new ArrayList<>((int) Math.min(count, 1024));
        DataInputStream in = new DataInputStream(new BufferedInputStream(
                new ChannelRange(channel, offset, directorySize), 64 * 1024));
        byte[] fixed = new byte[CENTRAL_SIZE];
        ByteBuffer header = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        long read = 0;
        for (long i = 0; i < count; i++) {
            in.readFully(fixed);
            if (header.getInt(0) != CENTRAL_SIGNATURE) {
                throw new ZipException("central directory entry " + (i + 1) + " of " + count + " is damaged");
            }
            int flags = Short.toUnsignedInt(header.getShort(8));
            int method = Short.toUnsignedInt(header.getShort(10));
            long crc = Integer.toUnsignedLong(header.getInt(16));
            long compressed = Integer.toUnsignedLong(header.getInt(20));
            long size = Integer.toUnsignedLong(header.getInt(24));
            int nameLength = Short.toUnsignedInt(header.getShort(28));
            int extraLength = Short.toUnsignedInt(header.getShort(30));
            int commentLength = Short.toUnsignedInt(header.getShort(32));
            long local = Integer.toUnsignedLong(header.getInt(42));
            read += CENTRAL_SIZE + nameLength + extraLength + commentLength;
            if (read > directorySize) {
                throw new ZipException("central directory entry " + (i + 1) + " runs past the directory's end");
            }
            byte[] name = new byte[nameLength];
            in.readFully(name);
            byte[] extra = new byte[extraLength];
            in.readFully(extra);
            in.skipNBytes(commentLength);
            ByteBuffer zip64 = zip64Field(extra);
            if (zip64 != null) {
                size = size == MAGIC32 ? zip64.getLong() : size;
                compressed = compressed == MAGIC32 ? zip64.getLong() : compressed;
                local = local == MAGIC32 ? zip64.getLong() : local;
            }
            // Names are read as UTF-8 whether or not the writer set flag bit 11, as Java's own readers do.
            entries.add(new Entry(new String(name, StandardCharsets.UTF_8), method, flags, crc, compressed, size,
                    local));
        }
        return List.copyOf(entries);
    }

    /** The ZIP64 extended information of an extra field, positioned at its first value; null when there is none. */
    private static ByteBuffer zip64Field(byte[] extra) throws ZipException {
        ByteBuffer fields = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (fields.remaining() >= 4) {
            int id = Short.toUnsignedInt(fields.getShort());
            int length = Short.toUnsignedInt(fields.getShort());
            if (length > fields.remaining()) {
                return null; // a damaged extra field: other readers ignore it too
            }
            if (id == ZIP64_EXTRA) {
                ByteBuffer field = fields.slice().order(ByteOrder.LITTLE_ENDIAN);
                field.limit(length);
                return field;
            }
            fields.position(fields.position() + length);
        }
        return null;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Whether the member's local header (which PyPI reads) sets the data-descriptor flag. */
    boolean localHeaderUsesDataDescriptor(Entry entry) throws IOException {
        return (Short.toUnsignedInt(localHeader(entry).getShort(6)) & DATA_DESCRIPTOR_FLAG) != 0;
    }

    /**
     * A member's bytes, decompressed and checked against its CRC-32, at most {@code limit} bytes: a larger member is
     * {@code limit + 1} bytes long here, for the caller to refuse.
     */
    byte[] read(Entry entry, int limit) throws IOException {
        if (entry.method() != STORED && entry.method() != DEFLATED) {
            throw new ZipException(entry.name() + " uses compression method " + entry.method()
                    + ", which wheels may not use");
        }
        ByteBuffer local = localHeader(entry);
        long data = entry.localHeaderOffset() + LOCAL_SIZE + Short.toUnsignedInt(local.getShort(26))
                + Short.toUnsignedInt(local.getShort(28));
        if (data + entry.compressedSize() > fileSize) {
            throw new ZipException(entry.name() + " runs past the end of the archive");
        }
        InputStream member = new ChannelRange(channel, data, entry.compressedSize());
        byte[] bytes = entry.method() == STORED ? member.readNBytes(limit + 1)
                : inflate(member, limit + 1, entry.name());
        if (bytes.length <= limit) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.crc() || bytes.length != entry.size()) {
                throw new ZipException(entry.name() + " does not match its CRC-32 or size: the archive is damaged");
            }
        }
        return bytes;
    }

    private ByteBuffer localHeader(Entry entry) throws IOException {
        if (entry.localHeaderOffset() < 0 || entry.localHeaderOffset() + LOCAL_SIZE > fileSize) {
            throw new ZipException("the local header of " + entry.name() + " lies outside the archive");
        }
        ByteBuffer local = readAt(channel, entry.localHeaderOffset(), LOCAL_SIZE);
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw new ZipException("the local header of " + entry.name() + " is damaged");
        }
        return local;
    }

    private static byte[] inflate(InputStream in, int max, String name) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            byte[] input = new byte[8192];
            byte[] output = new byte[8192];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (!inflater.finished() && out.size() < max) {
                if (inflater.needsInput()) {
                    int n = in.read(input);
                    if (n < 0) {
                        throw new ZipException(name + " ends before its compressed data does: the archive is damaged");
                    }
                    inflater.setInput(input, 0, n);
                }
                int n = inflater.inflate(output, 0, Math.min(output.length, max - out.size()));
                out.write(output, 0, n);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new ZipException(name + " is not valid deflate data");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ZipException(name + " is not valid deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("the archive ends early");
            }
        }
        return buffer.flip();
    }
}
