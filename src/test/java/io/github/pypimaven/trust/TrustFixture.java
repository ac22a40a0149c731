package io.github.pypimaven.trust;

import com.sun.net.httpserver.HttpServer;
import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import io.github.pypimaven.testing.oidc.FakeTrustedPublishing;
import java.io.ByteArrayOutputStream;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.testing.MovableClock;
import io.github.pypimaven.testing.TestTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** A fake identity provider and a fake index on loopback, and the real service wired to them. */
final class TrustFixture implements AutoCloseable {

    static {
        // Before any class of the trust package creates its logger (slf4j-simple reads this per logger).
        System.setProperty("org.slf4j.simpleLogger.log.io.github.pypimaven", "debug");
    }

    final FakeOidcIssuer issuer;
    final HttpServer index;
    final FakeTrustedPublishing pypi;
    final List<String> minted = new CopyOnWriteArrayList<>();
    final CloseableHttpClient http;
    final MovableClock clock = new MovableClock();
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final Map<String, String> env = new HashMap<>();
    Path dmiFile = Path.of("/nonexistent/product_name");

    /**
     * Started servers; tests hold one in an {@code @AutoClose} field, so each test gets a fresh one and JUnit stops
     * it afterwards.
     */
    TrustFixture() {
        try {
            issuer = FakeOidcIssuer.start(0);
            pypi = new FakeTrustedPublishing(issuer.jwkSet(), (token, expires) -> minted.add(token));
            index = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            index.createContext("/_/oidc/", pypi);
            index.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake servers on loopback", e);
        }
        http = new HttpClientFactory().create(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), "test"));
    }

    RemoteIndex index() {
        return TestTargets.remote("http://127.0.0.1:" + index.getAddress().getPort() + "/legacy/");
    }

    TrustFixture onGitHub() {
        env.put("GITHUB_ACTIONS", "true");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", issuer.githubTokenRequestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", issuer.githubRequestToken());
        return this;
    }

    Environment environment() {
        return new Environment(env);
    }

    GitHubActions github() {
        return new GitHubActions(environment(), out);
    }

    TrustedPublishing service() {
        return new TrustedPublishing(clock, dmiFile, URI.create(issuer.iamBaseUrl()));
    }

    /** Opens a session for the fake index with PyPI's audience, {@code pypi}, as the plugin pins it for PyPI. */
    TrustedPublishingSession open() throws TrustedPublishingException {
        return open("pypi");
    }

    TrustedPublishingSession open(String audience) throws TrustedPublishingException {
        return service().open(index(), audience, environment(), http, github());
    }

    String openFailure() {
        return openFailure("pypi");
    }

    String openFailure(String audience) {
        try {
            open(audience);
        } catch (TrustedPublishingException e) {
            return e.getMessage();
        }
        throw new AssertionError("Trusted Publishing unexpectedly succeeded");
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        http.close();
        index.stop(0);
        issuer.close();
    }
}
