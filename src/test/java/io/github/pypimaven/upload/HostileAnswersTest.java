package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.HostileIndex;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestTargets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an index says never brings a token, a line break or a workflow command into a message. */
class HostileAnswersTest {

    private static final String TOKEN = "private-index-secret-7c1e";

    @AutoClose
    final HostileIndex index = start();

    @TempDir
    Path dir;

    private static HostileIndex start() {
        try {
            return HostileIndex.start(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/plain|Forbidden for {authorization}",
        "text/plain|you are {credentials}",
        "application/json|{\"code\": \"403 Forbidden: {authorization}\", \"message\": \"{credentials}\"}",
        "text/html|<html><title>403 {authorization}</title><body>{credentials}</body></html>",
        "text/plain|400 Bad\\n::warning::pwned\\n##[error]fake {credentials}"})
    void anEchoedAuthorizationHeaderIsNeverShown(String contentType, String body) throws Exception {
        assertEchoNeverShown(contentType, body, "__token__");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/plain|Forbidden for {authorization}",
        "text/plain|you are {credentials}",
        "application/json|{\"errors\": [{\"status\": 403, \"message\": \"{credentials} {authorization}\"}]}"})
    void anEchoedPrivateIndexLoginIsNeverShown(String contentType, String body) throws Exception {
        assertEchoNeverShown(contentType, body, "deployer");
    }

    private void assertEchoNeverShown(String contentType, String body, String user) throws Exception {
        index.answer(403, contentType, body.replace("\\n", "\n"));
        Path wheel = TestDistributions.wheel("my-package", "1.0").module("my_package/__init__.py", "").writeTo(dir);
        Distribution distribution = new DistributionReader().read(wheel);
        try (CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            String message = assertThrows(UploadException.class, () -> new UploadClient().upload(http,
                    TestTargets.remote(index.uploadUrl()), new BasicAuth(user, TOKEN, "test"), UploadForm.of(distribution, false),
                    new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { })).getMessage();
            String basic = Base64.getEncoder().encodeToString((user + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
            assertFalse(message.contains(TOKEN), message);
            assertFalse(message.contains(basic), message);
            assertTrue(message.lines().noneMatch(l -> l.strip().startsWith("::") || l.strip().startsWith("##")), message);
            assertTrue(message.contains("HTTP 403"), message);
        }
        assertEquals(1, index.requests());
    }
}
