package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePrivateIndex;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.IndexKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With every logger of the plugin and of HttpClient at DEBUG (as {@code mvn -X} sets them; see the surefire
 * configuration), an upload logs neither the token nor its Basic-auth form, and neither does a failure message.
 */
class UploadSecretsTest {

    private static final String TOKEN = "pypi-secret-under-debug-4242";

    @TempDir
    Path dir;

    @Test
    void debugLoggingNeverShowsTheToken() throws Exception {
        Path wheel = TestDistributions.wheel("secret-check", "1.0").module("secret_check/__init__.py", "")
                .writeTo(dir);
        Distribution distribution = new DistributionReader().read(wheel);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String failure;
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken(TOKEN);
                CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            io.github.pypimaven.repository.RemoteIndex url = TestTargets.remote(pypi.uploadUrl());
            new UploadClient().upload(http, url, new BasicAuth("__token__", TOKEN, "test"), UploadForm.of(distribution, false),
                    new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { });
            failure = assertThrows(UploadException.class, () -> new UploadClient().upload(http, url, new BasicAuth("__token__", TOKEN + "-wrong", "test"),
                    UploadForm.of(distribution, false), new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { })).getMessage();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled(),
                "the test needs HttpClient's wire logger at DEBUG");
        assertTrue(log.contains("DEBUG org.apache.hc"), "HttpClient logged at DEBUG: the check below is real\n" + log);
        String basic = Base64.getEncoder().encodeToString(("__token__:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        String[][] secrets = {{TOKEN, "the token"}, {basic, "the Basic-auth value"}, {"Authorization", "the Authorization header"}};
        for (String[] secret : secrets) {
            // The messages name what leaked, never its value: test reports must not hold it either.
            assertFalse(log.contains(secret[0]), "the debug log contains " + secret[1]);
            assertFalse(failure.contains(secret[0]), "the failure message contains " + secret[1]);
        }
        assertFalse(log.contains("secret_check/__init__.py"), "no body bytes in the log either");
    }

    @Test
    void debugLoggingNeverShowsAPrivateIndexsPassword() throws Exception {
        String password = "private-password-under-debug-5353";
        Path wheel = TestDistributions.wheel("secret-check", "1.0").module("secret_check/__init__.py", "")
                .writeTo(dir);
        Distribution distribution = new DistributionReader().read(wheel);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String refused;
        String unauthorized;
        try (FakePrivateIndex index = FakePrivateIndex.start(IndexKind.NEXUS, 0).uploader("deployer", password)
                .reader("auditor", password + "-reader");
                CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            io.github.pypimaven.repository.RemoteIndex url = TestTargets.remote(index.uploadUrl());
            new UploadClient().upload(http, url, new BasicAuth("deployer", password, "test"),
                    UploadForm.of(distribution, false), new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { });
            refused = assertThrows(UploadException.class, () -> new UploadClient().upload(http, url,
                    new BasicAuth("auditor", password + "-reader", "test"), UploadForm.of(distribution, false),
                    new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { })).getMessage();
            unauthorized = assertThrows(UploadException.class, () -> new UploadClient().upload(http, url,
                    new BasicAuth("deployer", password + "-wrong", "test"), UploadForm.of(distribution, false),
                    new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { })).getMessage();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("DEBUG org.apache.hc"), "HttpClient logged at DEBUG: the check below is real\n" + log);
        assertTrue(refused.contains("HTTP 403") && unauthorized.contains("HTTP 401"), refused + "\n" + unauthorized);
        for (String user : new String[] {"deployer", "auditor"}) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            String[][] secrets = {{password, "the password"}, {basic, "the Basic-auth value"},
                {"Authorization", "the Authorization header"}};
            for (String[] secret : secrets) {
                assertFalse(log.contains(secret[0]), "the debug log contains " + secret[1]);
                assertFalse(refused.contains(secret[0]), "the 403 message contains " + secret[1]);
                assertFalse(unauthorized.contains(secret[0]), "the 401 message contains " + secret[1]);
            }
        }
    }
}
