package io.github.pypimaven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.repository.KnownIndex;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.trust.TrustedPublishing;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which credentials are chosen, and for which audience; nothing here touches the network. */
class CredentialResolverTest {

    private static final Environment GITHUB = new Environment(Map.of("GITHUB_ACTIONS", "true"));
    private static final RemoteIndex OTHER = TestTargets.remote("https://pypi.example.com/legacy/");

    private final CredentialResolver resolver = new CredentialResolver(new TrustedPublishing());

    private static CredentialRequest request(TrustedPublishingMode mode, String audience) {
        return new CredentialRequest(mode, Optional.empty(), "UNSET", GITHUB, Optional.ofNullable(audience));
    }

    @ParameterizedTest
    @CsvSource({"https://upload.pypi.org/legacy/, pypi", "https://test.pypi.org/legacy/, testpypi"})
    void theAudienceOfAKnownIndexIsPinned(String url, String audience) throws Exception {
        assertEquals("Trusted Publishing (GitHub Actions identity, audience '" + audience + "')",
                resolver.describe(request(TrustedPublishingMode.AUTO, null), TestTargets.remote(url)));
    }

    @Test
    void autoNeverTriesTrustedPublishingOnAnotherIndex() {
        String message = assertThrows(CredentialsException.class,
                () -> resolver.describe(request(TrustedPublishingMode.AUTO, null), OTHER)).getMessage();
        assertTrue(message.startsWith("No credentials for pypi.example.com"), message);
        assertTrue(message.contains("Trusted Publishing is tried automatically only for PyPI and TestPyPI"), message);
        assertTrue(message.contains("oidcAudience (pypi.oidcAudience)"), message);
    }

    @Test
    void anotherIndexNeedsAlwaysAndAConfiguredAudience() throws Exception {
        String message = assertThrows(CredentialsException.class,
                () -> resolver.describe(request(TrustedPublishingMode.ALWAYS, null), OTHER)).getMessage();
        assertTrue(message.contains("Set oidcAudience (pypi.oidcAudience)"), message);
        assertEquals("Trusted Publishing (GitHub Actions identity, audience 'example-index')",
                resolver.describe(request(TrustedPublishingMode.ALWAYS, " example-index "), OTHER));
        assertThrows(CredentialsException.class,
                () -> resolver.describe(request(TrustedPublishingMode.AUTO, "example-index"), OTHER),
                "auto stays off even with an audience");
    }

    @Test
    void aConfiguredAudienceCannotOverrideAKnownOne() {
        String message = assertThrows(CredentialsException.class, () -> resolver.describe(
                request(TrustedPublishingMode.ALWAYS, "sts.amazonaws.com"),
                TestTargets.remote(KnownIndex.PYPI_UPLOAD_URL))).getMessage();
        assertTrue(message.contains("'sts.amazonaws.com'") && message.contains("'pypi'"), message);
    }

    @Test
    void aConfiguredTokenIsUsedForAnyIndex() throws Exception {
        CredentialRequest withToken = new CredentialRequest(TrustedPublishingMode.AUTO,
                Optional.of(ServerCredentials.token("pypi-secret", "settings.xml server 'pypi'")), "UNSET", GITHUB);
        assertEquals("settings.xml server 'pypi'", resolver.describe(withToken, OTHER));
    }

    @ParameterizedTest
    @CsvSource({"sigstore", "SigStore"})
    void sigstoresAudienceIsNeverAskedForOnBehalfOfAnIndex(String audience) {
        String message = assertThrows(CredentialsException.class,
                () -> resolver.describe(request(TrustedPublishingMode.ALWAYS, audience), OTHER)).getMessage();
        assertTrue(message.startsWith("oidcAudience (pypi.oidcAudience) cannot be '" + audience + "': that is"
                + " Sigstore's audience"), message);
    }

    @Test
    void thePlanSaysWhetherTrustedPublishingMintsTheToken() throws Exception {
        assertTrue(resolver.plan(request(TrustedPublishingMode.AUTO, null),
                TestTargets.remote(KnownIndex.PYPI_UPLOAD_URL)).trustedPublishing());
        CredentialRequest withToken = new CredentialRequest(TrustedPublishingMode.AUTO,
                Optional.of(ServerCredentials.token("pypi-secret", "settings.xml server 'pypi'")), "UNSET", GITHUB);
        assertEquals(new CredentialPlan("settings.xml server 'pypi'", "the token from settings.xml server 'pypi'", false,
                Optional.empty()), resolver.plan(withToken,
                TestTargets.remote(KnownIndex.PYPI_UPLOAD_URL)));
    }

    @Test
    void thePlanNamesAMissingIdentityTokenWithoutAskingForOne() throws Exception {
        var pypi = TestTargets.remote(KnownIndex.PYPI_UPLOAD_URL);
        CredentialRequest noPermission = new CredentialRequest(TrustedPublishingMode.AUTO, Optional.empty(), "UNSET",
                new Environment(Map.of("GITHUB_ACTIONS", "true")));
        assertTrue(resolver.plan(noPermission, pypi).problem().orElseThrow()
                .contains("ACTIONS_ID_TOKEN_REQUEST_URL is not set"));
        CredentialRequest gitlab = new CredentialRequest(TrustedPublishingMode.AUTO, Optional.empty(), "UNSET",
                new Environment(Map.of("GITLAB_CI", "true")));
        assertTrue(resolver.plan(gitlab, pypi).problem().orElseThrow().contains("PYPI_ID_TOKEN is not set"));
        CredentialRequest granted = new CredentialRequest(TrustedPublishingMode.AUTO, Optional.empty(), "UNSET",
                new Environment(Map.of("GITHUB_ACTIONS", "true", "ACTIONS_ID_TOKEN_REQUEST_URL", "https://x.invalid/t",
                        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "t")));
        assertEquals(Optional.empty(), resolver.plan(granted, pypi).problem());
    }
}
