package io.github.pypimaven.testing.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tar (or .tar.gz) byte by byte, applying pax 'x' headers, without any tar library (Commons Compress's tar
 * classes need a newer commons-lang3 than Maven's). Usable from IT scripts.
 */
public final class TarEntries {

    /** One member: the effective name (pax path if any), raw header type, and the header's fields. */
    public record Entry(String name, char type, int mode, long uid, long gid, String userName, String groupName,
            long mtime, String magic, boolean hadPaxHeader, byte[] content) {

        public boolean isDirectory() {
            return type == '5';
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private TarEntries() {
    }

    public static List<Entry> readTarGz(byte[] tarGz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            return read(in.readAllBytes());
        }
    }

    public static List<Entry> read(byte[] tar) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> pax = new HashMap<>();
        int offset = 0;
        while (offset + 512 <= tar.length && !isZeroBlock(tar, offset)) {
            char type = (char) tar[offset + 156];
            long size = octal(tar, offset + 124, 12);
            byte[] content = Arrays.copyOfRange(tar, offset + 512, offset + 512 + (int) size);
            if (type == 'x') {
                pax.putAll(parsePax(content));
            } else {
                String name = pax.getOrDefault("path", string(tar, offset, 100));
                String prefix = string(tar, offset + 345, 155);
                if (!pax.containsKey("path") && !prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                entries.add(new Entry(name, type, (int) octal(tar, offset + 100, 8), octal(tar, offset + 108, 8),
                        octal(tar, offset + 116, 8), string(tar, offset + 265, 32), string(tar, offset + 297, 32),
                        octal(tar, offset + 136, 12), new String(tar, offset + 257, 8, StandardCharsets.ISO_8859_1),
                        !pax.isEmpty(), content));
                pax.clear();
            }
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return entries;
    }

    private static Map<String, String> parsePax(byte[] content) {
        Map<String, String> records = new HashMap<>();
        int i = 0;
        while (i < content.length) {
            int space = i;
            while (content[space] != ' ') {
                space++;
            }
            int length = Integer.parseInt(new String(content, i, space - i, StandardCharsets.US_ASCII));
            String record = new String(content, space + 1, length - (space - i) - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            records.put(record.substring(0, eq), record.substring(eq + 1));
            i += length;
        }
        return records;
    }

    private static boolean isZeroBlock(byte[] tar, int offset) {
        for (int i = offset; i < offset + 512; i++) {
            if (tar[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] tar, int offset, int length) {
        int end = offset;
        while (end < offset + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] tar, int offset, int length) {
        String digits = string(tar, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
