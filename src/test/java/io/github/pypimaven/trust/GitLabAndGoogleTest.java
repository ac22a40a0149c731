package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.http.ProxySettings;
import io.github.pypimaven.testing.FakeProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLabAndGoogleTest {

    @AutoClose
    private final TrustFixture f = new TrustFixture();

    @Test
    void gitlabIdTokenIsExchanged() throws Exception {
        f.pypi.defaultGitlabPublisher();
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));

        TrustedPublishingSession session = f.open();

        assertEquals("GitLab CI/CD", session.providerName());
        assertTrue(session.token().startsWith("pypi-"));
        assertEquals(1, f.pypi.mintCount());
    }

    @Test
    void aMissingGitlabIdTokenShowsTheSnippet() {
        f.env.put("GITLAB_CI", "true");
        String message = f.openFailure();
        assertTrue(message.contains("variable PYPI_ID_TOKEN is not set"), message);
        assertTrue(message.contains("    id_tokens:\n      PYPI_ID_TOKEN:\n        aud: pypi\n"), message);
    }

    @Test
    void theSnippetNamesTheTestPyPiVariable() {
        f.env.put("GITLAB_CI", "true");
        f.pypi.audience("testpypi");
        String message = f.openFailure("testpypi");
        assertTrue(message.contains("    id_tokens:\n      TESTPYPI_ID_TOKEN:\n        aud: testpypi\n"), message);
    }

    @Test
    void anIndexNamingTheSigstoreAudienceDoesNotGetTheSigstoreToken() {
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));
        f.env.put("SIGSTORE_ID_TOKEN", f.issuer.gitlabToken("sigstore", Map.of()));
        f.pypi.audience("sigstore");
        String message = f.openFailure();
        assertTrue(message.contains("audience 'sigstore', but the audience for 127.0.0.1:"), message);
        assertEquals(0, f.pypi.mintRequests(), "neither token was sent to the index");
    }

    @Test
    void gitlabVariableNames() {
        assertEquals("PYPI_ID_TOKEN", GitLabIdentity.variableName("pypi"));
        assertEquals("HTTP___TEST_AUDIENCE_ID_TOKEN", GitLabIdentity.variableName("http://test.audience"));
        assertEquals("_PYPI_ID_TOKEN", GitLabIdentity.variableName("9pypi"));
    }

    @Test
    void aGitlabMismatchShowsPipelineFileAndProject() {
        f.pypi.gitlabPublisher("group", "project", "ci/release.yml", null);
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));

        String message = f.openFailure();

        assertTrue(message.contains("(Publisher with matching claims was not found)"), message);
        assertTrue(message.matches("(?s).*\n  ci_config_ref_uri: +gitlab\\.com/group/project//\\.gitlab-ci\\.yml@refs/heads/main\n.*"), message);
        assertTrue(message.matches("(?s).*\n  environment: +MISSING\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Namespace: +group\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Project name: +project\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Top-level pipeline file path: +\\.gitlab-ci\\.yml\n.*"), message);
    }

    @Test
    void theSameGitlabTokenIsAcceptedOnlyOnce() throws Exception {
        f.pypi.defaultGitlabPublisher();
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));
        f.open();

        String message = f.openFailure();

        assertTrue(message.contains("`invalid-reuse-token`: invalid token: already used"), message);
        assertTrue(message.contains("GitLab CI/CD gives a job only one"), message);
    }

    @Test
    void googleDirectIdentity() throws Exception {
        f.pypi.googlePublisher("publisher@octo-project.iam.gserviceaccount.com", null);
        f.env.put("GCE_METADATA_HOST", f.issuer.metadataHost());

        TrustedPublishingSession session = f.open();

        assertEquals("Google Cloud", session.providerName());
        assertEquals(1, f.issuer.metadataRequests());
        assertEquals(0, f.issuer.iamRequests());
        assertEquals(1, f.pypi.mintCount());
    }

    @Test
    void googleImpersonation() throws Exception {
        f.pypi.googlePublisher("deployer@octo-project.iam.gserviceaccount.com", null);
        f.env.put("GCE_METADATA_HOST", f.issuer.metadataHost());
        f.env.put("GOOGLE_SERVICE_ACCOUNT_NAME", "deployer@octo-project.iam.gserviceaccount.com");

        f.open();

        assertEquals(1, f.issuer.metadataRequests());
        assertEquals(1, f.issuer.iamRequests());
        assertEquals(1, f.pypi.mintCount());
    }

    @Test
    void aGoogleMismatchShowsTheEmail() {
        f.pypi.googlePublisher("someone-else@octo-project.iam.gserviceaccount.com", null);
        f.env.put("GCE_METADATA_HOST", f.issuer.metadataHost());

        String message = f.openFailure();

        assertTrue(message.matches("(?s).*\n  Email: +publisher@octo-project\\.iam\\.gserviceaccount\\.com\n.*"), message);
        assertTrue(message.matches("(?s).*\n  email_verified: +true\n.*"), message);
    }

    /**
     * A proxy must never stand in for the metadata server: it could answer with an identity token of its own. The
     * metadata host here is a name only the proxy can reach, so a direct request fails (that is the proof), while
     * before this rule the proxy answered and the exchange succeeded.
     */
    @Test
    void theMetadataServerIsNeverAskedThroughAProxy() throws Exception {
        f.pypi.googlePublisher("publisher@octo-project.iam.gserviceaccount.com", null);
        f.env.put("GCE_METADATA_HOST", "metadata.proxied.test:" + f.issuer.port());
        try (FakeProxy proxy = FakeProxy.start(0, null, null); CloseableHttpClient proxied = proxiedClient(proxy)) {
            TrustedPublishingException e = assertThrows(TrustedPublishingException.class,
                    () -> f.service().open(f.index(), "pypi", f.environment(), proxied, f.github()));
            assertTrue(e.getMessage().contains("could not reach the metadata server at metadata.proxied.test:"),
                    e.getMessage());
            assertEquals(List.of(), proxy.received());
            assertEquals(0, f.issuer.metadataRequests());
        }
    }

    @Test
    void theDefaultMetadataServerIsNeverAskedThroughAProxy(@TempDir Path dir) throws Exception {
        Path dmi = dir.resolve("product_name");
        Files.writeString(dmi, "Google Compute Engine\n");
        f.dmiFile = dmi;
        try (FakeProxy proxy = FakeProxy.start(0, null, null); CloseableHttpClient proxied = proxiedClient(proxy)) {
            assertThrows(TrustedPublishingException.class,
                    () -> f.service().open(f.index(), "pypi", f.environment(), proxied, f.github()));
            assertEquals(List.of(), proxy.received(), "metadata.google.internal, asked directly");
        }
    }

    private static CloseableHttpClient proxiedClient(FakeProxy proxy) {
        return new HttpClientFactory().create(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), "test",
                Optional.of(new ProxySettings("http", "127.0.0.1", proxy.port(), null, null, null))));
    }

    @Test
    void detection(@TempDir Path dir) throws IOException {
        TrustedPublishing service = f.service();
        assertInstanceOf(GitHubActionsIdentity.class, service.detect(env("GITHUB_ACTIONS", "true")).orElseThrow());
        assertTrue(service.detect(env("GITHUB_ACTIONS", "1")).isEmpty());
        assertInstanceOf(GitLabIdentity.class, service.detect(env("GITLAB_CI", "true")).orElseThrow());
        assertInstanceOf(GoogleCloudIdentity.class,
                service.detect(env("GCE_METADATA_HOST", "169.254.169.254")).orElseThrow());
        assertTrue(service.detect(new Environment(Map.of())).isEmpty());

        Path dmi = dir.resolve("product_name");
        Files.writeString(dmi, "Google Compute Engine\n");
        f.dmiFile = dmi;
        assertInstanceOf(GoogleCloudIdentity.class, f.service().detect(new Environment(Map.of())).orElseThrow());
        Files.writeString(dmi, "Standard PC (Q35 + ICH9, 2009)\n");
        assertTrue(f.service().detect(new Environment(Map.of())).isEmpty());
    }

    private static Environment env(String name, String value) {
        return new Environment(Map.of(name, value));
    }
}
