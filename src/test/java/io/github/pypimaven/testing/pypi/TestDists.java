package io.github.pypimaven.testing.pypi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipOutputStream;

/** Tiny but real wheels and sdists (no ZIP data descriptors) for tests against the fake PyPI. */
public final class TestDists {

    private TestDists() {
    }

    public static String metadata(String name, String version, String metadataVersion) {
        return "Metadata-Version: " + metadataVersion + "\nName: " + name + "\nVersion: " + version
                + "\nSummary: A tiny test distribution\nAuthor: Test Author\n\nThe long description.\n";
    }

    /** Entries in order; STORED with size and CRC set first, so there is no data descriptor. */
    public static byte[] zip(Map<String, String> entries, boolean dataDescriptors) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!dataDescriptors) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCompressedSize(data.length);
                    entry.setCrc(crc.getValue());
                } else {
                    entry.setMethod(ZipEntry.DEFLATED); // sizes unknown up front: java.util.zip adds descriptors
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The dist-info directory is spelled as the filename spells it; {@code skip} leaves one file out. */
    public static byte[] wheel(String distInfoPrefix, String metadata, String skip, boolean dataDescriptors)
            throws IOException {
        String dir = distInfoPrefix + ".dist-info/";
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tiny/__init__.py", "VALUE = 1\n");
        entries.put(dir + "METADATA", metadata);
        entries.put(dir + "WHEEL", "Wheel-Version: 1.0\nGenerator: fakepypi-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        entries.put(dir + "RECORD", "tiny/__init__.py,,\n" + dir + "METADATA,,\n" + dir + "WHEEL,,\n" + dir + "RECORD,,\n");
        entries.remove(skip);
        return zip(entries, dataDescriptors);
    }

    public static byte[] wheel(String distInfoPrefix, String metadata) throws IOException {
        return wheel(distInfoPrefix, metadata, null, false);
    }

    public static byte[] sdist(String topDir, String pkgInfo) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            add(gz, topDir + "/PKG-INFO", pkgInfo);
            add(gz, topDir + "/tiny/__init__.py", "VALUE = 1\n");
            add(gz, topDir + "/pyproject.toml", "[build-system]\nrequires = [\"flit_core\"]\n"
                    + "build-backend = \"flit_core.buildapi\"\n");
            gz.write(new byte[1024]); // end of archive: two zero blocks
        }
        return bytes.toByteArray();
    }

    /** One regular file as a POSIX ustar member (names up to 100 bytes are enough here). */
    private static void add(OutputStream tar, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, String.format("%011o", 1_700_000_000L));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        tar.write(h);
        tar.write(data);
        tar.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, b.length);
    }

    public static String sha256(byte[] data) {
        return hex("SHA-256", data);
    }

    public static String md5(byte[] data) {
        return hex("MD5", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
