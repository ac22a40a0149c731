package io.github.pypimaven.testing.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeOidcIssuerTest {

    @Test
    void aKeyFileLetsAnotherIssuerInstanceVerifyTheSameTokens(@TempDir Path dir) throws Exception {
        Path jwk = dir.resolve("keys/issuer.jwk.json");
        String token;
        try (FakeOidcIssuer first = FakeOidcIssuer.start(0, jwk)) {
            token = first.githubToken("pypi", Map.of("environment", "release"));
        }
        assertTrue(Files.exists(jwk));
        try (FakeOidcIssuer second = FakeOidcIssuer.start(0, jwk)) {
            SignedJWT jwt = SignedJWT.parse(token);
            assertTrue(jwt.verify(new RSASSAVerifier(second.jwkSet().getKeys().get(0).toRSAKey())));
            assertEquals("release", jwt.getJWTClaimsSet().getStringClaim("environment"));
            assertEquals(FakeOidcIssuer.GITHUB_ISSUER, jwt.getJWTClaimsSet().getIssuer());
        }
    }

    @Test
    void theIndexCanFetchKeysFromTheJwksUrl() throws Exception {
        try (FakeOidcIssuer issuer = FakeOidcIssuer.start(0)) {
            FakeTrustedPublishing pypi = FakeTrustedPublishing.withJwksUrl(issuer.jwksUrl(), (t, e) -> { })
                    .defaultGithubPublisher();
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/_/oidc/", pypi);
            server.start();
            try {
                java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                                        + server.getAddress().getPort() + "/_/oidc/mint-token"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"token\":\"" + issuer.githubToken("pypi", Map.of()) + "\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"token\":\"pypi-"), "minted");
                assertEquals(1, pypi.mintCount());
            } finally {
                server.stop(0);
            }
        }
    }
}
