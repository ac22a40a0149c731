package io.github.pypimaven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.repository.KnownIndex;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.trust.TrustedPublishing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user name and password for the indexes other than PyPI (settings.xml or the variables named by
 * usernameEnvName/passwordEnvName), the rule that keeps them from PyPI and TestPyPI, and the GitLab job token for the
 * job's own registry only. Nothing here touches the network.
 */
class PrivateCredentialsTest {

    private static final RemoteIndex NEXUS = TestTargets.remote("https://nexus.example.com/repository/pypi-internal/");
    private static final String PASSWORD = "nexus-password-0f9e";

    private final CredentialResolver resolver = new CredentialResolver(new TrustedPublishing());

    private static CredentialRequest server(String username, Environment environment, TrustedPublishingMode mode) {
        return new CredentialRequest(mode, Optional.of(new ServerCredentials(Optional.ofNullable(username), PASSWORD,
                "settings.xml server 'private'")), "PYPI_API_TOKEN", environment);
    }

    private static CredentialRequest variables(Map<String, String> environment) {
        return new CredentialRequest(TrustedPublishingMode.AUTO, Optional.empty(), "PYPI_API_TOKEN",
                PasswordVariables.of("INDEX_USER", "INDEX_PASSWORD"), new Environment(environment), Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"https://upload.pypi.org/legacy/, PyPI", "https://test.pypi.org/legacy/, TestPyPI"})
    void pypiAndTestPyPIRefuseAUserNameWithTheSameMessageAsBefore(String url, String name) {
        String message = assertThrows(CredentialsException.class, () -> resolver.plan(server("alice",
                new Environment(Map.of()), TrustedPublishingMode.AUTO), TestTargets.remote(url))).getMessage();
        assertEquals("settings.xml server 'private' has the username 'alice', but " + name + " accepts only API tokens:"
                + " set <username>__token__</username> (or remove it) and put the API token in <password>.", message);
    }

    @Test
    void anotherIndexGetsTheUserNameAndPasswordAsBasicCredentials() throws Exception {
        StaticCredentials credentials = resolver.staticCredentials(server("deployer", new Environment(Map.of()),
                TrustedPublishingMode.NEVER), NEXUS, quietGitHub()).orElseThrow();
        assertInstanceOf(IndexPassword.class, credentials);
        assertEquals("deployer", credentials.basicAuth().username());
        assertEquals(PASSWORD, credentials.basicAuth().password());
        assertEquals("the password of user 'deployer' from settings.xml server 'private'", credentials.description());
        assertFalse(credentials.toString().contains(PASSWORD));
        assertFalse(credentials.basicAuth().toString().contains(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"__token__", " "})
    void aTokenServerStaysAnApiTokenEverywhere(String username) throws Exception {
        StaticCredentials credentials = resolver.staticCredentials(server(username, new Environment(Map.of()),
                TrustedPublishingMode.AUTO), NEXUS, quietGitHub()).orElseThrow();
        assertInstanceOf(ApiToken.class, credentials);
        assertEquals("__token__", credentials.basicAuth().username());
    }

    @Test
    void aColonInTheUserNameIsRefusedBecauseBasicAuthCannotCarryIt() {
        String message = assertThrows(CredentialsException.class, () -> resolver.plan(server("dom:alice",
                new Environment(Map.of()), TrustedPublishingMode.AUTO), NEXUS)).getMessage();
        assertTrue(message.contains("contains ':'"), message);
    }

    @Test
    void theVariablesNamedByUsernameAndPasswordEnvNameAreUsed() throws Exception {
        CredentialPlan plan = resolver.plan(variables(Map.of("INDEX_USER", "ci-bot", "INDEX_PASSWORD", PASSWORD,
                "PYPI_API_TOKEN", "pypi-ignored")), NEXUS);
        assertEquals("the password of user 'ci-bot' from environment variables INDEX_USER and INDEX_PASSWORD"
                + " (usernameEnvName, passwordEnvName)", plan.description());
        String message = assertThrows(CredentialsException.class, () -> resolver.plan(variables(Map.of("INDEX_USER",
                "ci-bot")), NEXUS)).getMessage();
        assertTrue(message.contains("INDEX_USER (usernameEnvName) is set, but INDEX_PASSWORD (passwordEnvName) is"
                + " empty or not set"), message);
        String pypi = assertThrows(CredentialsException.class, () -> resolver.plan(variables(Map.of("INDEX_USER",
                "ci-bot", "INDEX_PASSWORD", PASSWORD)), TestTargets.remote(KnownIndex.PYPI_UPLOAD_URL))).getMessage();
        assertTrue(pypi.contains("holds the username 'ci-bot', but PyPI accepts only API tokens"), pypi);
    }

    @Test
    void onlyOneOfTheTwoVariableNamesIsASettingsError() {
        String message = assertThrows(IllegalArgumentException.class, () -> PasswordVariables.of("INDEX_USER", " "))
                .getMessage();
        assertTrue(message.startsWith("usernameEnvName (pypi.usernameEnvName) is set, but passwordEnvName"
                + " (pypi.passwordEnvName) is not"), message);
        assertEquals(Optional.empty(), PasswordVariables.of(null, ""));
    }

    @Test
    void alwaysTrustedPublishingRefusesAConfiguredPassword() {
        String message = assertThrows(CredentialsException.class, () -> resolver.plan(server("deployer",
                new Environment(Map.of()), TrustedPublishingMode.ALWAYS), NEXUS)).getMessage();
        assertTrue(message.contains("a user name and password are also configured (settings.xml server 'private')"),
                message);
    }

    @Test
    void noCredentialsForAPrivateIndexSaysEveryWayToGiveThem() {
        String message = assertThrows(CredentialsException.class, () -> resolver.plan(new CredentialRequest(
                TrustedPublishingMode.AUTO, Optional.empty(), "PYPI_API_TOKEN", new Environment(Map.of())), NEXUS))
                .getMessage();
        assertTrue(message.contains("<username> and <password>"), message);
        assertTrue(message.contains("pypi.usernameEnvName, pypi.passwordEnvName"), message);
    }

    private static final Map<String, String> GITLAB_JOB = Map.of("GITLAB_CI", "true", "CI_API_V4_URL",
            "https://gitlab.example.com/api/v4/", "CI_PROJECT_ID", "42", "CI_JOB_TOKEN", "job-token-abcd");

    @ParameterizedTest
    @ValueSource(strings = {"https://gitlab.example.com/api/v4/projects/42/packages/pypi",
            "https://GITLAB.example.com:443/api/v4/projects/42/packages/pypi/"})
    void theJobTokenIsUsedForTheJobsOwnRegistry(String url) throws Exception {
        StaticCredentials credentials = resolver.staticCredentials(new CredentialRequest(TrustedPublishingMode.AUTO,
                Optional.empty(), "PYPI_API_TOKEN", new Environment(GITLAB_JOB)), TestTargets.remote(url), quietGitHub())
                .orElseThrow();
        assertInstanceOf(GitLabJobToken.class, credentials);
        assertEquals("gitlab-ci-token", credentials.basicAuth().username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://gitlab.example.com/api/v4/projects/43/packages/pypi",
            "https://gitlab.example.com/api/v4/projects/42/packages/pypi/other",
            "https://gitlab.example.com:8443/api/v4/projects/42/packages/pypi",
            "https://evil.example.com/api/v4/projects/42/packages/pypi"})
    void theJobTokenGoesNowhereElse(String url) {
        String message = assertThrows(CredentialsException.class, () -> resolver.plan(new CredentialRequest(
                TrustedPublishingMode.AUTO, Optional.empty(), "PYPI_API_TOKEN", new Environment(GITLAB_JOB)),
                TestTargets.remote(url))).getMessage();
        assertTrue(message.startsWith("No credentials for"), message);
        assertFalse(message.contains("job-token-abcd"));
    }

    @Test
    void configuredCredentialsWinOverTheJobToken() throws Exception {
        StaticCredentials credentials = resolver.staticCredentials(server("deploy-token-user", new Environment(
                GITLAB_JOB), TrustedPublishingMode.AUTO), TestTargets.remote(
                        "https://gitlab.example.com/api/v4/projects/42/packages/pypi"), quietGitHub()).orElseThrow();
        assertInstanceOf(IndexPassword.class, credentials);
    }

    @Test
    void thePasswordIsMaskedOnGitHubActionsBeforeUse() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GitHubActions github = new GitHubActions(new Environment(Map.of("GITHUB_ACTIONS", "true")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        resolver.staticCredentials(server("deployer", new Environment(Map.of()), TrustedPublishingMode.NEVER), NEXUS,
                github);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("::add-mask::" + PASSWORD));
    }

    private static GitHubActions quietGitHub() {
        return new GitHubActions(new Environment(Map.of()), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }
}
