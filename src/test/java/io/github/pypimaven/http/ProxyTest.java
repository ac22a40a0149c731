package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.testing.FakeProxy;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadForm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads through a real (fake) forwarding proxy, as a settings.xml proxy configures it. */
class ProxyTest {

    @TempDir
    Path dir;

    @Test
    void uploadsThroughAnAuthenticatingProxy() throws Exception {
        Path wheel = TestDistributions.wheel("via-proxy", "1.0").module("via_proxy/__init__.py", "").writeTo(dir);
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-proxied");
                FakeProxy proxy = FakeProxy.start(0, "proxy-user", "proxy-secret");
                CloseableHttpClient http = new HttpClientFactory().create(settings(new ProxySettings("http", "127.0.0.1",
                        proxy.port(), "proxy-user", "proxy-secret", null)))) {
            new UploadClient().upload(http, TestTargets.remote(pypi.uploadUrl()), "pypi-proxied",
                    UploadForm.of(new DistributionReader().read(wheel), false), wheel, new RetryPolicy(1, Duration.ZERO), n -> { });
            assertEquals(List.of("POST " + pypi.uploadUrl()), proxy.forwarded());
            assertEquals(1, pypi.files().size());
        }
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        Path wheel = TestDistributions.wheel("direct", "1.0").module("direct/__init__.py", "").writeTo(dir);
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-direct");
                FakeProxy proxy = FakeProxy.start(0, null, null);
                CloseableHttpClient http = new HttpClientFactory().create(settings(new ProxySettings("http", "127.0.0.1",
                        proxy.port(), null, null, "localhost|127.0.0.*")))) {
            new UploadClient().upload(http, TestTargets.remote(pypi.uploadUrl()), "pypi-direct",
                    UploadForm.of(new DistributionReader().read(wheel), false), wheel, new RetryPolicy(1, Duration.ZERO), n -> { });
            assertTrue(proxy.forwarded().isEmpty());
            assertEquals(1, pypi.files().size());
        }
    }

    @Test
    void matchesNonProxyHostsAsMavenDoes() {
        ProxySettings proxy = new ProxySettings(null, "proxy", 3128, null, null, "localhost|*.internal.example.com| 10.* ");
        assertEquals("http", proxy.protocol());
        assertFalse(proxy.appliesTo("localhost"));
        assertFalse(proxy.appliesTo("pypi.internal.example.com"));
        assertFalse(proxy.appliesTo("10.1.2.3"));
        assertTrue(proxy.appliesTo("upload.pypi.org"));
        assertTrue(new ProxySettings("http", "proxy", 3128, null, null, null).appliesTo("anything"));
    }

    @Test
    void neverPrintsThePassword() {
        String text = new ProxySettings("http", "proxy", 3128, "user", "hunter2", null).toString();
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("user:***@proxy:3128"), text);
    }

    private static HttpSettings settings(ProxySettings proxy) {
        HttpSettings defaults = HttpSettings.defaults();
        return new HttpSettings(defaults.connectTimeout(), defaults.responseTimeout(), defaults.userAgent(), Optional.of(proxy));
    }
}
