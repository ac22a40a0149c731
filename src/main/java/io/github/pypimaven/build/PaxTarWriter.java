package io.github.pypimaven.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX.1-2001 (pax) tar stream: ustar headers, plus a pax extended header for any name that ustar cannot
 * hold (longer than 100 bytes, or not ASCII), as Python's tarfile does in PAX_FORMAT.
 *
 * <p>Written by hand rather than with Commons Compress: its tar classes (1.28) need commons-lang3 3.14+, while
 * Maven puts its own older commons-lang3 first on the plugin's classpath, so they fail with NoClassDefFoundError.
 * Only what sdists need is supported: regular files and directories, sizes below 8 GiB.
 */
final class PaxTarWriter {

    private static final int BLOCK = 512;
    private static final int RECORD = 20 * BLOCK;

    private final OutputStream out;
    private long written;

    PaxTarWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String name, int mode, long mtimeSeconds) throws IOException {
        entry(name.endsWith("/") ? name : name + "/", '5', mode, mtimeSeconds, new byte[0]);
    }

    void file(String name, int mode, long mtimeSeconds, byte[] content) throws IOException {
        entry(name, '0', mode, mtimeSeconds, content);
    }

    /** Two zero blocks end the archive; padding fills the last 10 KiB record, as tar and Python write it. */
    void finish() throws IOException {
        pad(2L * BLOCK);
        long remainder = written % RECORD;
        if (remainder != 0) {
            pad(RECORD - remainder);
        }
        out.flush();
    }

    private void entry(String name, char type, int mode, long mtime, byte[] content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean ascii = nameBytes.length == name.length();
        if (nameBytes.length > 100 || !ascii) {
            byte[] pax = paxRecord("path", name);
            // The pax header's own name only matters to tar tools that ignore pax; keep it short and stable.
            header("PaxHeader/" + shortName(name), 'x', 0644, mtime, pax.length);
            body(pax);
        }
        header(nameBytes.length > 100 || !ascii ? shortName(name) : name, type, mode, mtime, content.length);
        body(content);
    }

    /** The last 100 ASCII characters of the name: a readable fallback for tools that ignore pax headers. */
    private static String shortName(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_");
        return ascii.length() <= 90 ? ascii : ascii.substring(ascii.length() - 90);
    }

    /** A pax record "LEN key=value\n", where LEN counts the whole record including its own digits. */
    static byte[] paxRecord(String key, String value) {
        int payload = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = payload + String.valueOf(payload).length();
        if (String.valueOf(length).length() != String.valueOf(payload).length()) {
            length = payload + String.valueOf(length).length();
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void header(String name, char type, int mode, long mtime, long size) throws IOException {
        if (size >= 077777777777L) {
            throw new IOException("tar entry " + name + " is too large (" + size + " bytes)");
        }
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name.getBytes(StandardCharsets.US_ASCII));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0); // uid
        octal(h, 116, 8, 0); // gid
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        // uname and gname stay empty; devmajor/devminor are zero.
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        put(h, 148, 6, checksum);
        h[154] = 0;
        h[155] = ' ';
        out.write(h);
        written += BLOCK;
    }

    private void body(byte[] content) throws IOException {
        out.write(content);
        written += content.length;
        int remainder = content.length % BLOCK;
        if (remainder != 0) {
            pad(BLOCK - remainder);
        }
    }

    private void pad(long count) throws IOException {
        out.write(new byte[(int) count]);
        written += count;
    }

    private static void put(byte[] header, int offset, int max, byte[] value) {
        System.arraycopy(value, 0, header, offset, Math.min(max, value.length));
    }

    /** Zero-padded octal digits followed by NUL, filling the field. */
    private static void octal(byte[] header, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(width - 1 - digits.length()) + digits;
        put(header, offset, width - 1, padded.getBytes(StandardCharsets.US_ASCII));
        header[offset + width - 1] = 0;
    }
}
