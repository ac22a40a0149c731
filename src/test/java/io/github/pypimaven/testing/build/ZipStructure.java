package io.github.pypimaven.testing.build;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a ZIP file's raw structure (local headers, central directory, end record) without any ZIP library and
 * reports what PyPI's archive checks ({@code warehouse/utils/zipfiles.py}) would reject. Used by the builder tests
 * and usable from IT scripts: {@code ZipStructure.problems(bytes)} is empty for an acceptable wheel.
 */
public final class ZipStructure {

    /** One central-directory entry with the matching local header's values. */
    public record Entry(String name, int flags, int method, long crc, long compressedSize, long size,
            int centralExtraLength, int localExtraLength, int dosTime, int dosDate, int versionMadeBy,
            long externalAttributes) {

        /** The Unix mode stored in the high 16 bits of the external attributes. */
        public int unixMode() {
            return (int) (externalAttributes >>> 16);
        }
    }

    private ZipStructure() {
    }

    public static List<Entry> entries(byte[] zip) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        read(zip, entries, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a well-formed ZIP: " + problems);
        }
        return entries;
    }

    /** Everything wrong with the ZIP by PyPI's rules; empty when it would be accepted. */
    public static List<String> problems(byte[] zip) {
        List<String> problems = new ArrayList<>();
        read(zip, new ArrayList<>(), problems);
        return problems;
    }

    private static void read(byte[] zip, List<Entry> entries, List<String> problems) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = zip.length - 22; i >= 0; i--) {
            if (buf.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            problems.add("no end of central directory record");
            return;
        }
        int commentLength = buf.getShort(eocd + 20) & 0xffff;
        if (commentLength != 0) {
            problems.add("archive comment of " + commentLength + " bytes");
        }
        if (eocd + 22 + commentLength != zip.length) {
            problems.add("trailing data: " + (zip.length - eocd - 22 - commentLength) + " bytes after the end record");
        }
        int count = buf.getShort(eocd + 10) & 0xffff;
        long cdSize = buf.getInt(eocd + 12) & 0xffffffffL;
        long cdOffset = buf.getInt(eocd + 16) & 0xffffffffL;
        if (cdOffset + cdSize != eocd) {
            problems.add("central directory offset/size do not end at the end record");
        }
        Set<String> centralNames = new HashSet<>();
        int p = (int) cdOffset;
        long expectedLocal = 0;
        for (int n = 0; n < count; n++) {
            if (p + 46 > zip.length || buf.getInt(p) != 0x02014b50) {
                problems.add("bad central directory signature at " + p);
                return;
            }
            int madeBy = buf.getShort(p + 4) & 0xffff;
            int flags = buf.getShort(p + 8) & 0xffff;
            int method = buf.getShort(p + 10) & 0xffff;
            int dosTime = buf.getShort(p + 12) & 0xffff;
            int dosDate = buf.getShort(p + 14) & 0xffff;
            long crc = buf.getInt(p + 16) & 0xffffffffL;
            long csize = buf.getInt(p + 20) & 0xffffffffL;
            long usize = buf.getInt(p + 24) & 0xffffffffL;
            int nameLength = buf.getShort(p + 28) & 0xffff;
            int extraLength = buf.getShort(p + 30) & 0xffff;
            int entryCommentLength = buf.getShort(p + 32) & 0xffff;
            long external = buf.getInt(p + 38) & 0xffffffffL;
            int localOffset = buf.getInt(p + 42);
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            p += 46 + nameLength + extraLength + entryCommentLength;
            if (!centralNames.add(name)) {
                problems.add("duplicate central directory entry " + name);
            }
            if ((flags & 0x8) != 0) {
                problems.add("ZIP contains a data descriptor: " + name);
            }
            if (method != 0 && method != 8) {
                problems.add("compression method " + method + " for " + name);
            }
            if (entryCommentLength != 0) {
                problems.add("entry comment on " + name);
            }
            if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add("unprintable bytes in name " + name);
            }
            if (localOffset != expectedLocal) {
                problems.add("local header of " + name + " at " + localOffset + ", expected " + expectedLocal
                        + " (gap or overlap)");
            }
            if (buf.getInt(localOffset) != 0x04034b50) {
                problems.add("no local header for " + name);
                continue;
            }
            int localFlags = buf.getShort(localOffset + 6) & 0xffff;
            int localMethod = buf.getShort(localOffset + 8) & 0xffff;
            long localCrc = buf.getInt(localOffset + 14) & 0xffffffffL;
            long localCsize = buf.getInt(localOffset + 18) & 0xffffffffL;
            long localUsize = buf.getInt(localOffset + 22) & 0xffffffffL;
            int localNameLength = buf.getShort(localOffset + 26) & 0xffff;
            int localExtra = buf.getShort(localOffset + 28) & 0xffff;
            String localName = new String(zip, localOffset + 30, localNameLength, StandardCharsets.UTF_8);
            if (!localName.equals(name)) {
                problems.add("local name " + localName + " differs from central name " + name);
            }
            if ((localFlags & 0x8) != 0) {
                problems.add("ZIP contains a data descriptor (local header): " + name);
            }
            if (localMethod != method) {
                problems.add("local and central method differ for " + name);
            }
            if (localCrc != crc) {
                problems.add("Mis-matched CRC for " + name);
            }
            if (localCsize != csize) {
                problems.add("Mis-matched data size for " + name);
            }
            if (localUsize != usize) {
                problems.add("Mis-matched file size for " + name);
            }
            expectedLocal = localOffset + 30L + localNameLength + localExtra + csize;
            entries.add(new Entry(name, flags, method, crc, csize, usize, extraLength, localExtra, dosTime, dosDate,
                    madeBy, external));
        }
        if (expectedLocal != cdOffset) {
            problems.add("unknown data between the last entry and the central directory");
        }
        if (p != cdOffset + cdSize) {
            problems.add("central directory size does not match its entries");
        }
    }
}
