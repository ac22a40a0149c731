package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.ProjectName;
import io.github.pypimaven.index.IndexQueryException;
import io.github.pypimaven.index.SimpleIndexClient;
import io.github.pypimaven.testing.CompanyCaIndex;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.distribution.DistributionReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An index behind a company CA: the failure without the CA names the host and the two ways to trust it (the JVM's
 * {@code javax.net.ssl.trustStore}, the plugin's {@code trustStore}); with the {@code trustStore} setting, the same
 * index is reached. The certificate is made by keytool, and the server is a real HTTPS server on loopback.
 */
class TrustStoreTest {

    @TempDir
    static Path dir;

    static CompanyCaIndex index;

    @BeforeAll
    static void start() throws Exception {
        index = CompanyCaIndex.start(dir);
    }

    @AfterAll
    static void stop() {
        index.close();
    }

    private static final ProjectName NAME = new ProjectName("it-pkg");

    @Test
    void withoutTheCaTheFailureNamesTheHostAndBothWaysToTrustIt() throws Exception {
        try (CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            String message = assertThrows(IndexQueryException.class, () -> new SimpleIndexClient().files(http,
                    URI.create(index.baseUrl() + "/simple/"), NAME)).getMessage();
            assertTrue(message.contains("The TLS certificate of 127.0.0.1 is not trusted by this Java runtime"), message);
            assertTrue(message.contains("-Djavax.net.ssl.trustStore=<file>"), message);
            assertTrue(message.contains("trustStore (pypi.trustStore"), message);

            Path wheel = TestDistributions.wheel("it-pkg", "1.0.0").module("it_pkg/__init__.py", "").writeTo(dir);
            String upload = assertThrows(UploadException.class, () -> new UploadClient().upload(http,
                    TestTargets.remote(index.baseUrl() + "/legacy/"), new BasicAuth("u", "p", "test"),
                    io.github.pypimaven.upload.UploadForm.of(new DistributionReader().read(wheel), false),
                    new RetryPolicy(3, Duration.ofMillis(10)), () -> { }, n -> { })).getMessage();
            assertTrue(upload.contains("The TLS certificate of 127.0.0.1 is not trusted"), upload);
        }
        assertEquals(0, index.requests(), "nothing got through the handshake, and a certificate error is not retried");
    }

    @Test
    void trustedPublishingsFirstRequestToTheIndexSaysTheSame() throws Exception {
        io.github.pypimaven.credentials.CredentialRequest request = new io.github.pypimaven.credentials.CredentialRequest(
                io.github.pypimaven.credentials.TrustedPublishingMode.ALWAYS, Optional.empty(), "UNSET",
                new io.github.pypimaven.ci.Environment(Map.of("GITHUB_ACTIONS", "true", "ACTIONS_ID_TOKEN_REQUEST_URL",
                        "https://127.0.0.1:9/token", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token")),
                Optional.of("company-index"));
        io.github.pypimaven.ci.GitHubActions github = new io.github.pypimaven.ci.GitHubActions(
                new io.github.pypimaven.ci.Environment(Map.of()), new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream()));
        try (CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            String message = assertThrows(io.github.pypimaven.credentials.CredentialsException.class, () ->
                    new io.github.pypimaven.credentials.CredentialResolver(new io.github.pypimaven.trust
                            .TrustedPublishing()).resolve(request, TestTargets.remote(index.baseUrl() + "/legacy/"), http,
                            github)).getMessage();
            assertTrue(message.contains("The TLS certificate of 127.0.0.1 is not trusted by this Java runtime"), message);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void withTheTrustStoreSettingTheIndexIsReached(boolean pem) throws Exception {
        TrustStore store = pem ? TrustStore.load(index.pem(), Optional.empty(), "no password")
                : TrustStore.load(index.pkcs12(), Optional.of(CompanyCaIndex.STORE_PASSWORD.toCharArray()), "test");
        assertEquals(1, store.certificates().size());
        int before = index.requests();
        try (CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults().withTrustStore(store))) {
            assertEquals(Map.of(), new SimpleIndexClient().files(http, URI.create(index.baseUrl() + "/simple/"), NAME));
        }
        assertEquals(before + 1, index.requests());
    }

    @Test
    void aWrongPasswordOrFileIsASettingsErrorBeforeAnythingIsSent() throws Exception {
        String wrong = assertThrows(IllegalArgumentException.class, () -> TrustStore.load(index.pkcs12(),
                Optional.of("not-it".toCharArray()), "environment variable TRUST_PASSWORD")).getMessage();
        assertTrue(wrong.startsWith("trustStore (pypi.trustStore) '" + index.pkcs12() + "' could not be read"), wrong);
        assertTrue(wrong.contains("the password from environment variable TRUST_PASSWORD is not its password"), wrong);
        assertFalse(wrong.contains("not-it"));

        String none = assertThrows(IllegalArgumentException.class, () -> TrustStore.load(index.pkcs12(),
                Optional.empty(), "no password")).getMessage();
        assertTrue(none.contains("trustStorePassword (pypi.trustStorePassword)"), none);

        String missing = assertThrows(IllegalArgumentException.class, () -> TrustStore.load(dir.resolve("absent.p12"),
                Optional.empty(), "no password")).getMessage();
        assertTrue(missing.contains("is not a file"), missing);

        Path junk = Files.writeString(dir.resolve("junk.jks"), "not a key store");
        String unreadable = assertThrows(IllegalArgumentException.class, () -> TrustStore.load(junk,
                Optional.empty(), "no password")).getMessage();
        assertTrue(unreadable.contains("Use a PKCS12 or JKS trust store"), unreadable);
    }
}
