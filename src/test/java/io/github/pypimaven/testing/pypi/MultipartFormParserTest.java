package io.github.pypimaven.testing.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.files.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake's own multipart parser: the boundary search must find every delimiter and nothing else, wherever the reads
 * split the body, since a fake that misreads a body would pass or fail a client for the wrong reason.
 */
class MultipartFormParserTest {

    static final String BOUNDARY = "xYz-0123456789_abcdefABCDEF";
    static final String DELIMITER = "\r\n--" + BOUNDARY;

    @TempDir
    Path dir;

    /** Content full of near-delimiters: every proper prefix of the delimiter, and the delimiter with one byte wrong. */
    private static byte[] trickyContent(Random random) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            content.writeBytes(noise);
            byte[] near = DELIMITER.substring(0, 1 + random.nextInt(DELIMITER.length() - 1))
                    .getBytes(StandardCharsets.US_ASCII);
            if (random.nextBoolean()) {
                near = DELIMITER.getBytes(StandardCharsets.US_ASCII);
                near[random.nextInt(near.length)] ^= 0x20; // one byte off: not a delimiter
            }
            content.writeBytes(near);
        }
        return content.toByteArray();
    }

    private static byte[] body(byte[] content, String... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.whl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"sha256_digest\"\r\n\r\n"
                + Sha256.hex(content) + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** Gives at most a random few bytes per read, so delimiters are split across reads at every offset. */
    private static InputStream trickling(byte[] body, Random random) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(97)));
            }
        };
    }

    @Test
    void findsExactlyTheDelimitersWhereverTheReadsSplitThem() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            byte[] content = trickyContent(random);
            byte[] body = body(content, "name", "demo", "summary", "A summary with -- dashes\r\nand lines");

            ParsedForm form = MultipartFormParser.parseDiscarding(trickling(body, random), BOUNDARY);

            assertEquals(List.of(Map.entry("name", "demo"),
                    Map.entry("summary", "A summary with -- dashes\r\nand lines"),
                    Map.entry("sha256_digest", Sha256.hex(content))), form.fields(), "seed " + seed);
            assertEquals(content.length, form.content().size(), "seed " + seed);
            assertEquals(Sha256.hex(content), form.content().sha256(), "seed " + seed);
        }
    }

    @Test
    void storesTheContentByteForByte() throws Exception {
        Random random = new Random(7);
        byte[] content = trickyContent(random);
        byte[] body = body(content, "name", "demo");

        ParsedForm form = MultipartFormParser.parse(new ByteArrayInputStream(body), BOUNDARY, dir, Long.MAX_VALUE);

        assertTrue(Arrays.equals(content, Files.readAllBytes(form.content().path())));
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsRefused() {
        byte[] body = body(new byte[100], "name", "demo");
        byte[] cut = Arrays.copyOf(body, body.length - BOUNDARY.length() - 8);

        UploadRejected e = assertThrows(UploadRejected.class,
                () -> MultipartFormParser.parseDiscarding(new ByteArrayInputStream(cut), BOUNDARY));
        assertTrue(e.getMessage().contains("Malformed multipart/form-data body"), e.getMessage());
    }
}
