package io.github.pypimaven.testing.pypi;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks a ZIP file record by record from its first byte, as Warehouse's {@code validate_zipfile} does, and reports
 * the framing PyPI refuses: data descriptors (general-purpose flag bit 3), duplicate or unlisted names, central
 * directory comments, inconsistent end records, unknown records and trailing data.
 */
final class ZipFraming {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int EOCD = 0x06054b50;
    private static final int EOCD64 = 0x06064b50;
    private static final int EOCD64_LOCATOR = 0x07064b50;

    private ZipFraming() {
    }

    /** The problem, worded like Warehouse, or null when the framing is acceptable. */
    static String problem(Path zip) {
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "r")) {
            return walk(f);
        } catch (EOFException e) {
            return "Malformed zip file";
        } catch (IOException e) {
            return "Malformed zip file";
        }
    }

    private static String walk(RandomAccessFile f) throws IOException {
        Set<String> localNames = new HashSet<>();
        Set<String> centralNames = new HashSet<>();
        long cdRecords = 0;
        long cdOffset = -1;
        long cdSize = 0;
        Long zip64Records = null;
        Long zip64Offset = null;
        while (true) {
            long at = f.getFilePointer();
            int signature = u32(f);
            if (signature == LOCAL) {
                f.skipBytes(2);
                int flags = u16(f);
                f.skipBytes(10); // method, time, date, crc
                long compressed = u32(f) & 0xffffffffL;
                f.skipBytes(4);
                int nameLength = u16(f);
                int extraLength = u16(f);
                String name = name(f, nameLength);
                byte[] extra = bytes(f, extraLength);
                if ((flags & 0x08) != 0) {
                    return "ZIP contains a data descriptor";
                }
                if (compressed == 0xffffffffL) {
                    compressed = zip64CompressedSize(extra);
                }
                if (name == null) {
                    return "Filename not valid UTF-8";
                }
                if (!localNames.add(name)) {
                    return "Duplicate filename in local headers";
                }
                f.seek(f.getFilePointer() + compressed);
            } else if (signature == CENTRAL) {
                if (cdOffset < 0) {
                    cdOffset = at;
                }
                cdRecords++;
                f.skipBytes(24);
                int nameLength = u16(f);
                int extraLength = u16(f);
                int commentLength = u16(f);
                f.skipBytes(12);
                String name = name(f, nameLength);
                f.skipBytes(extraLength);
                if (commentLength != 0) {
                    return "Comment in central directory";
                }
                cdSize += 46 + nameLength + extraLength;
                if (name == null) {
                    return "Filename not valid UTF-8";
                }
                if (!centralNames.add(name)) {
                    return "Duplicate filename in central directory";
                }
                if (!localNames.contains(name)) {
                    return "Missing filename in local headers";
                }
            } else if (signature == EOCD) {
                if (cdOffset < 0) {
                    cdOffset = at;
                }
                f.skipBytes(6);
                long records = u16(f);
                long size = u32(f) & 0xffffffffL;
                long offset = u32(f) & 0xffffffffL;
                int commentLength = u16(f);
                f.skipBytes(commentLength);
                if (zip64Records != null) {
                    records = zip64Records;
                    offset = zip64Offset;
                }
                if (records != cdRecords) {
                    return "Mismatched central directory records";
                }
                if (offset != cdOffset) {
                    return "Mismatched central directory offset";
                }
                if (zip64Records == null && size != cdSize) {
                    return "Mismatched central directory size";
                }
                break;
            } else if (signature == EOCD64) {
                long size = u64(f);
                if (size != 44) {
                    return "Malformed zip file";
                }
                f.skipBytes(12);
                f.skipBytes(8);
                zip64Records = u64(f);
                u64(f);
                zip64Offset = u64(f);
            } else if (signature == EOCD64_LOCATOR) {
                f.skipBytes(16);
            } else {
                return "Unknown record signature";
            }
        }
        if (!centralNames.equals(localNames)) {
            return "Mis-matched local headers and central directory";
        }
        if (f.getFilePointer() != f.length()) {
            return "Trailing data";
        }
        return null;
    }

    private static long zip64CompressedSize(byte[] extra) throws IOException {
        int i = 0;
        while (i + 4 <= extra.length) {
            int id = (extra[i] & 0xff) | (extra[i + 1] & 0xff) << 8;
            int len = (extra[i + 2] & 0xff) | (extra[i + 3] & 0xff) << 8;
            if (id == 0x0001 && len >= 16) {
                long v = 0;
                for (int b = 7; b >= 0; b--) {
                    v = v << 8 | (extra[i + 4 + 8 + b] & 0xff);
                }
                return v;
            }
            i += 4 + len;
        }
        throw new EOFException("no ZIP64 size");
    }

    private static String name(RandomAccessFile f, int length) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes(f, length))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] bytes(RandomAccessFile f, int length) throws IOException {
        byte[] b = new byte[length];
        f.readFully(b);
        return b;
    }

    private static int u16(RandomAccessFile f) throws IOException {
        return f.readUnsignedByte() | f.readUnsignedByte() << 8;
    }

    private static int u32(RandomAccessFile f) throws IOException {
        return u16(f) | u16(f) << 16;
    }

    private static long u64(RandomAccessFile f) throws IOException {
        return (u32(f) & 0xffffffffL) | (u32(f) & 0xffffffffL) << 32;
    }
}
