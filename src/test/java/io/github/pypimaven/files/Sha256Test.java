package io.github.pypimaven.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The FIPS 180-2 / NIST example vectors, through every entry point. */
class Sha256Test {

    private static final String MILLION_A = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq,"
                + " 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    })
    void knownVectors(String message, String expected) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, Sha256.hex(bytes));
        assertArrayEquals(HexFormat.of().parseHex(expected), Sha256.digest(bytes));
        assertEquals(expected, Sha256.hex(new ByteArrayInputStream(bytes)));
        assertEquals(expected, Sha256.hex(Files.write(dir.resolve("m"), bytes)));
    }

    @Test
    void aMillionAsSpanSeveralBufferFills() throws Exception {
        byte[] bytes = "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        assertEquals(MILLION_A, Sha256.hex(bytes));
        assertEquals(MILLION_A, Sha256.hex(Files.write(dir.resolve("a"), bytes)));
        // A stream that hands out a few bytes at a time hashes the same.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        assertEquals(MILLION_A, Sha256.hex(trickle));
    }

    @Test
    void theHashingStreamWritesThroughHashesAndCounts() throws Exception {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        byte[] bytes = "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        try (HashingOutputStream out = Sha256.hashing(copy)) {
            out.write('a');
            out.write(bytes, 1, 499_999);
            out.transferFrom(new ByteArrayInputStream(bytes, 0, 500_000));
            assertEquals(1_000_000, out.size());
            assertEquals(MILLION_A, out.hex());
        }
        assertArrayEquals(bytes, copy.toByteArray());
    }
}
