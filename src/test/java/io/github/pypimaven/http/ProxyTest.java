package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.testing.FakeProxy;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests through a real (fake) forwarding proxy, as a settings.xml proxy configures it: what leaves the machine goes
 * through it, what stays on the machine or its link never does.
 */
class ProxyTest {

    @TempDir
    Path dir;

    @Test
    void uploadsThroughAnAuthenticatingProxy() throws Exception {
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-proxied");
                FakeProxy proxy = FakeProxy.start(0, "proxy-user", "proxy-secret");
                CloseableHttpClient http = new HttpClientFactory().create(settings(new ProxySettings("http", "127.0.0.1",
                        proxy.port(), "proxy-user", "proxy-secret", null)))) {
            RemoteIndex index = TestTargets.behindProxy(pypi.uploadUrl());
            upload(http, index, "pypi-proxied", "via-proxy");
            assertEquals(List.of("POST " + index.uri()), proxy.forwarded());
            assertEquals(1, pypi.files().size());
        }
    }

    /** The fake proxy closes each connection after one answer, and says so: the next request opens a new one. */
    @Test
    void severalRequestsInARowThroughTheProxy() throws Exception {
        try (FakePyPI pypi = FakePyPI.start(0);
                FakeProxy proxy = FakeProxy.start(0, null, null);
                CloseableHttpClient http = new HttpClientFactory().create(settings(new ProxySettings("http", "127.0.0.1",
                        proxy.port(), null, null, null)))) {
            URI page = URI.create("http://" + TestTargets.PROXIED_HOST + ":" + pypi.port() + "/simple/absent/");
            for (int i = 0; i < 3; i++) {
                assertEquals(404, BoundedExchange.send(http, new HttpGet(page), AnswerCap.INDEX_PAGE).status());
            }
            assertEquals(3, proxy.forwarded().size());
        }
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-direct");
                FakeProxy proxy = FakeProxy.start(0, null, null);
                CloseableHttpClient http = new HttpClientFactory().create(settings(new ProxySettings("http", "127.0.0.1",
                        proxy.port(), null, null, "*.proxied.test")))) {
            // Only the proxy can reach this name, so going direct fails: the proof that the proxy was not asked.
            UploadException e = assertThrows(UploadException.class,
                    () -> upload(http, TestTargets.behindProxy(pypi.uploadUrl()), "pypi-direct", "direct"));
            assertTrue(e.getMessage().contains(TestTargets.PROXIED_HOST), e.getMessage());
            assertEquals(List.of(), proxy.received());
            assertEquals(0, pypi.requestCount());
        }
    }

    /** Plain http to this machine is allowed only because it never leaves it: a proxy would read the token. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void uploadsToThisMachineNeverGoThroughAProxy(String host) throws Exception {
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-loopback");
                FakeProxy proxy = FakeProxy.start(0, null, null);
                CloseableHttpClient http = new HttpClientFactory().create(settings(new ProxySettings("http", "127.0.0.1",
                        proxy.port(), null, null, null)))) {
            upload(http, TestTargets.remote("http://" + host + ":" + pypi.port() + "/legacy/"), "pypi-loopback", "loopback");
            assertEquals(List.of(), proxy.received());
            assertEquals(1, pypi.files().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost.", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0.0.0.0",
        "169.254.169.254", "169.254.1.1", "fe80::1", "[fe80::a:b]", "metadata.google.internal", "Metadata.Google.Internal."})
    void hostsOfThisMachineAndItsLinkAreNeverProxied(String host) {
        assertTrue(ProxyRoutes.neverProxied(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"upload.pypi.org", "10.0.0.1", "192.168.1.1", "2001:db8::1", "localhost.example.com",
        "metadata.google.internal.example.com", "169.254.169.254.nip.io", "metadata", ""})
    void otherHostsMayBeProxied(String host) {
        assertFalse(ProxyRoutes.neverProxied(host), host);
    }

    /** Without a settings.xml proxy, the JVM's (https.proxyHost, ...) applies, with the same exceptions. */
    @Test
    void theJvmProxyIsUsedWithTheSameExceptions() throws Exception {
        ProxySelector everything = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm-proxy.test", 3128)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        };
        ProxyRoutes routes = new ProxyRoutes(Optional.empty(), everything);
        HttpClientContext context = HttpClientContext.create();
        assertEquals("jvm-proxy.test", routes.determineRoute(new HttpHost("https", "upload.pypi.org", 443), context)
                .getProxyHost().getHostName());
        assertNull(routes.determineRoute(new HttpHost("http", "localhost", 8080), context).getProxyHost());
        assertNull(routes.determineRoute(new HttpHost("http", "169.254.169.254", 80), context).getProxyHost());
        assertNull(routes.determineRoute(new HttpHost("http", "upload.pypi.org", 80), ProxyRoutes.direct()).getProxyHost(),
                "a request marked direct");
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

    private void upload(CloseableHttpClient http, RemoteIndex index, String token, String project) throws Exception {
        Path wheel = TestDistributions.wheel(project, "1.0").module(project.replace('-', '_') + "/__init__.py", "")
                .writeTo(dir);
        new UploadClient().upload(http, index, new BasicAuth("__token__", token, "test"), UploadForm.of(new DistributionReader().read(wheel), false),
                new RetryPolicy(1, Duration.ZERO), () -> { }, n -> { });
    }

    private static HttpSettings settings(ProxySettings proxy) {
        HttpSettings defaults = HttpSettings.defaults();
        return new HttpSettings(defaults.connectTimeout(), defaults.responseTimeout(), defaults.userAgent(), Optional.of(proxy));
    }
}
