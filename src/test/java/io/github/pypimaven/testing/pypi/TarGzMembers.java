package io.github.pypimaven.testing.pypi;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Lists the members of a gzip-compressed tar file (ustar, pax and GNU long names), noting sparse members. Written
 * here rather than with Commons Compress so the fake does not depend on that library's runtime dependencies.
 */
final class TarGzMembers {

    record Member(String name, boolean sparse) {
    }

    private TarGzMembers() {
    }

    /** The members in order; IOException when the file is not a well-formed tar.gz. */
    static List<Member> read(Path tarGz) throws IOException {
        List<Member> members = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarGz))))) {
            String longName = null;
            String paxPath = null;
            boolean paxSparse = false;
            byte[] header = new byte[512];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    throw new IOException("truncated tar header", e);
                }
                if (isZeroBlock(header)) {
                    return members;
                }
                verifyChecksum(header);
                long size = number(header, 124, 12);
                char type = (char) header[156];
                if (type == 'x' || type == 'L') {
                    byte[] data = readData(in, size);
                    if (type == 'L') {
                        longName = cString(data, 0, data.length);
                    } else {
                        for (String record : paxRecords(data)) {
                            if (record.startsWith("path=")) {
                                paxPath = record.substring(5);
                            } else if (record.startsWith("GNU.sparse.")) {
                                paxSparse = true;
                            }
                        }
                    }
                    continue;
                }
                skip(in, padded(size));
                if (type == 'g') {
                    continue;
                }
                String name = paxPath != null ? paxPath : longName != null ? longName : ustarName(header);
                members.add(new Member(name, type == 'S' || paxSparse));
                longName = null;
                paxPath = null;
                paxSparse = false;
            }
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean posixUstar = h[257] == 'u' && h[258] == 's' && h[263] == '0';
        String prefix = posixUstar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static List<String> paxRecords(byte[] data) throws IOException {
        List<String> records = new ArrayList<>();
        int i = 0;
        while (i < data.length && data[i] != 0) {
            int space = i;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("bad pax record", e);
            }
            if (length <= 0 || i + length > data.length) {
                throw new IOException("bad pax record length");
            }
            records.add(new String(data, space + 1, i + length - space - 2, StandardCharsets.UTF_8));
            i += length;
        }
        return records;
    }

    private static boolean isZeroBlock(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void verifyChecksum(byte[] h) throws IOException {
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (sum != number(h, 148, 8)) {
            throw new IOException("bad tar header checksum");
        }
    }

    private static long number(byte[] h, int offset, int length) throws IOException {
        if ((h[offset] & 0x80) != 0) { // GNU base-256
            long v = h[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                v = v << 8 | (h[offset + i] & 0xff);
            }
            return v;
        }
        String text = cString(h, offset, length).trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad number in tar header", e);
        }
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static byte[] readData(DataInputStream in, long size) throws IOException {
        if (size > 1024 * 1024) {
            throw new IOException("oversized tar extended header");
        }
        byte[] data = new byte[(int) size];
        in.readFully(data);
        skip(in, padded(size) - size);
        return data;
    }

    private static long padded(long size) {
        return (size + 511) / 512 * 512;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated tar member");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
