package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.files.Sha256;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {

    @TempDir
    Path dir;

    @Test
    void writesTextFieldsFirstAndTheFileLastWithAnExactLength() throws IOException {
        Path file = Files.write(dir.resolve("a-1.0.tar.gz"), new byte[] {1, 2, 3, 0, (byte) 0xff});
        List<Map.Entry<String, String>> fields = List.of(Map.entry(":action", "file_upload"),
                Map.entry("classifiers", "A :: B"), Map.entry("classifiers", "C :: D"), Map.entry("summary", "Ünïcode ✓"));
        AtomicLong progress = new AtomicLong();
        HttpEntity body = MultipartBody.of(new UploadForm(fields, file), progress::set);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        byte[] bytes = out.toByteArray();
        assertEquals(body.getContentLength(), bytes.length);
        assertEquals(5, progress.get());
        assertTrue(body.isRepeatable());
        assertTrue(body.getContentType().startsWith("multipart/form-data; boundary="), body.getContentType());

        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String b = "--" + body.getContentType().substring(body.getContentType().indexOf("boundary=") + 9);
        List<String> parts = new ArrayList<>(List.of(text.split(java.util.regex.Pattern.quote(b))));
        assertEquals("", parts.remove(0));
        assertEquals("--\r\n", parts.remove(parts.size() - 1));
        assertEquals(5, parts.size());
        assertEquals("\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n", parts.get(0));
        assertTrue(parts.get(1).contains("name=\"classifiers\"\r\n\r\nA :: B\r\n"));
        assertTrue(parts.get(2).contains("name=\"classifiers\"\r\n\r\nC :: D\r\n"));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("Ünïcode ✓"));
        for (int i = 0; i < 4; i++) {
            assertFalse(parts.get(i).contains("filename="), "text parts carry no filename");
        }
        assertTrue(parts.get(4).startsWith("\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a-1.0.tar.gz\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"));
        byte[] tailOfFile = text.substring(text.length() - b.length() - 4 - 2 - 5).substring(0, 5).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3, (byte) 0, (byte) 0xff), List.of(tailOfFile[0], tailOfFile[1],
                tailOfFile[2], tailOfFile[3], tailOfFile[4]));
    }

    @Test
    void eachBodyHasItsOwnRandomBoundaryOfThirtyToFortySafeCharacters() throws IOException {
        Path file = Files.writeString(dir.resolve("x.whl"), "data");
        java.util.Set<String> boundaries = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            String type = MultipartBody.of(new UploadForm(List.of(), file), n -> { }).getContentType();
            String boundary = type.substring(type.indexOf("boundary=") + 9);
            assertTrue(boundary.matches("[-_0-9a-zA-Z]{30,40}"), boundary);
            boundaries.add(boundary);
        }
        assertEquals(50, boundaries.size());
    }

    @Test
    void canBeWrittenAgainForARetry() throws IOException {
        Path file = Files.writeString(dir.resolve("x.whl"), "data");
        HttpEntity body = MultipartBody.of(new UploadForm(List.of(Map.entry("a", "b")), file), n -> { });
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        body.writeTo(first);
        body.writeTo(second);
        assertEquals(first.toString(StandardCharsets.UTF_8), second.toString(StandardCharsets.UTF_8));
    }

    @Test
    void streamsLargeFilesWithoutHoldingThem() throws IOException {
        Path file = dir.resolve("big.whl");
        long size = 64L * 1024 * 1024 + 17;
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {42}), size - 1);
        }
        HttpEntity body = MultipartBody.of(new UploadForm(List.of(), file), n -> { });
        CountingStream out = new CountingStream();
        body.writeTo(out);
        assertEquals(body.getContentLength(), out.count);
        assertTrue(out.largestWrite <= 256 * 1024 + 512, "written in bounded chunks: " + out.largestWrite);
    }

    @Test
    void failsWhenTheFileChangesSizeDuringTheUpload() throws IOException {
        Path file = Files.writeString(dir.resolve("x.whl"), "data");
        HttpEntity body = MultipartBody.of(new UploadForm(List.of(), file), n -> { });
        Files.writeString(file, "longer data");
        IOException e = assertThrows(IOException.class, () -> body.writeTo(OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("changed size"), e.getMessage());
    }

    @Test
    void digestsAfterTheFileAreComputedFromTheBytesSentWithAnExactLength() throws IOException {
        Path file = Files.write(dir.resolve("a-1.0-py3-none-any.whl"), "wheel bytes".getBytes(StandardCharsets.UTF_8));
        FileDigests digests = FileDigests.of(file);
        UploadForm form = new UploadForm(List.of(Map.entry(":action", "file_upload")), file,
                Optional.of(new UploadForm.DigestsAfterFile(digests, true)));
        HttpEntity body = MultipartBody.of(form, n -> { });
        assertFalse(digests.isKnown(false), "nothing read before the body is written");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertEquals(body.getContentLength(), out.size());
        assertTrue(digests.isKnown(true), "the pass that sent the file hashed it");
        String text = out.toString(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(Files.readAllBytes(file));
        assertTrue(text.indexOf("wheel bytes") < text.indexOf("name=\"sha256_digest\"\r\n\r\n" + sha256 + "\r\n"), text);
        assertTrue(text.contains("name=\"md5_digest\"\r\n\r\n" + digests.md5() + "\r\n"), text);
        assertEquals(sha256, digests.sha256());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        body.writeTo(again);
        assertEquals(text, again.toString(StandardCharsets.UTF_8), "a retry sends the same body");
    }

    @Test
    void aFileThatChangedBetweenTwoPassesIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("a-1.0-py3-none-any.whl"), "first");
        FileDigests digests = FileDigests.of(file);
        String before = digests.sha256();
        UploadForm form = new UploadForm(List.of(), file, Optional.of(new UploadForm.DigestsAfterFile(digests, false)));
        HttpEntity body = MultipartBody.of(form, n -> { });
        Files.writeString(file, "other");
        IOException e = assertThrows(IOException.class, () -> body.writeTo(OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("changed while it was being published") && e.getMessage().contains(before),
                e.getMessage());
    }

    private static final class CountingStream extends OutputStream {
        long count;
        int largestWrite;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            largestWrite = Math.max(largestWrite, len);
        }
    }
}
