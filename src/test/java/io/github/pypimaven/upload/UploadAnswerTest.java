package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.Flood;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An upload's answer is read up to 64 KiB (after decompression) for its message; the rest is never read. */
class UploadAnswerTest {

    @TempDir
    Path dir;

    @AutoClose
    private final CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults());

    static Stream<Flood> floods() {
        return Stream.of(Flood.of(64L << 20, 400, "text/html"), Flood.gzipped(256L << 20, 400, "text/html"));
    }

    @ParameterizedTest
    @MethodSource("floods")
    void aHugeErrorPageStillGivesTheStatusAndIsNotReadToTheEnd(Flood flood) throws Exception {
        Path wheel = TestDistributions.wheel("flooded", "1.0").module("flooded/__init__.py", "").writeTo(dir);
        try (flood) {
            flood.serve();
            UploadException e = assertThrows(UploadException.class, () -> new UploadClient().upload(http,
                    TestTargets.remote(flood.url("/legacy/")), new BasicAuth("__token__", "pypi-flood", "test"), UploadForm.of(new DistributionReader().read(wheel),
                            false), new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { }));
            assertTrue(e.getMessage().contains("400"), e.getMessage());
            assertTrue(e.getMessage().length() < 4096, "a message, not the page: " + e.getMessage().length() + " chars");
            if (flood.size() == 64L << 20) { // uncompressed, what was written is what a client read or drained
                assertTrue(flood.written() < flood.size(), flood.written() + " of " + flood.size() + " bytes written");
            }
        }
    }
}
