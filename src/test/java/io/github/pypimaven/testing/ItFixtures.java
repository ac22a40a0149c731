package io.github.pypimaven.testing;

import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Prepares what the invoker ITs need before Maven filters their files: free loopback ports for the fake servers
 * (index, OIDC issuer, proxy, Fulcio, Rekor), the fake OIDC issuer's key, a GitLab ID token signed with it, the
 * GitHub request token and a fork pull-request event. These end up in invoker.properties as environment variables, which a setup script cannot set.
 *
 * <p>Run by exec-maven-plugin in pre-integration-test; the properties are read back into the build by
 * properties-maven-plugin.
 */
public final class ItFixtures {

    private ItFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Path jwk = dir.resolve("issuer.jwk");
        Files.deleteIfExists(jwk);
        int oidcPort = freePort();
        Properties properties = new Properties();
        properties.setProperty("it.pypi.port", String.valueOf(freePort()));
        properties.setProperty("it.oidc.port", String.valueOf(oidcPort));
        properties.setProperty("it.proxy.port", String.valueOf(freePort()));
        properties.setProperty("it.fulcio.port", String.valueOf(freePort()));
        properties.setProperty("it.rekor.port", String.valueOf(freePort()));
        properties.setProperty("it.github.request.token", "ghrt-it-" + UUID.randomUUID());
        try (FakeOidcIssuer issuer = FakeOidcIssuer.start(0, jwk)) {
            // Both Maven runs of the suite use this one token; each IT starts a fresh fake PyPI, so its jti is new there.
            properties.setProperty("it.gitlab.jwt", issuer.gitlabToken("pypi",
                    Map.of("exp", Instant.now().plus(Duration.ofHours(3)))));
        }
        Path forkEvent = dir.resolve("fork-pull-request-event.json");
        Files.writeString(forkEvent, """
                {"action": "opened", "number": 7,
                 "pull_request": {"head": {"repo": {"full_name": "mallory/octo-repo", "fork": true}},
                                  "base": {"repo": {"full_name": "octo-org/octo-repo", "fork": false}}},
                 "repository": {"full_name": "octo-org/octo-repo"}}
                """);
        properties.setProperty("it.fork.event", forkEvent.toAbsolutePath().toString());
        try (Writer out = Files.newBufferedWriter(dir.resolve("it.properties"))) {
            properties.store(out, "written by " + ItFixtures.class.getName());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
