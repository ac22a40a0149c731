package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.publish.PublishException;
import io.github.pypimaven.publish.PublishRequest;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubTrustedPublishingTest {

    @AutoClose
    private final TrustFixture f = new TrustFixture().onGitHub();

    @BeforeEach
    void configure() {
        f.pypi.defaultGithubPublisher();
    }

    @Test
    void mintsATokenFromTheGitHubIdentity() throws Exception {
        TrustedPublishingSession session = f.open();

        String token = session.token();
        assertTrue(token.startsWith("pypi-"), token.substring(0, 5));
        assertEquals(List.of(token), f.minted);
        assertEquals(1, session.mintCount());
        assertEquals(1, f.issuer.githubTokenRequests());
        assertEquals("GitHub Actions", session.providerName());
        long lifetime = Duration.between(Instant.now(), session.expiresAt()).toSeconds();
        assertTrue(lifetime > 880 && lifetime <= 900, "lifetime " + lifetime);
        assertFalse(session.toString().contains(token));
    }

    @Test
    void audienceIsMergedIntoTheRequestUrlsQuery() {
        assertEquals("https://x.example/t?api-version=2.0&audience=pypi",
                GitHubActionsIdentity.withAudience("https://x.example/t?api-version=2.0", "pypi").toString());
        assertEquals("https://x.example/t?audience=test+pypi%2F1",
                GitHubActionsIdentity.withAudience("https://x.example/t", "test pypi/1").toString());
    }

    @Test
    void theRequestTokenIsSentAsBearer() {
        f.env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "not-the-right-one");

        String message = f.openFailure();

        assertTrue(message.contains("answered 401"), message);
        assertFalse(message.contains("not-the-right-one"), message);
        assertEquals(0, f.pypi.mintRequests());
    }

    @Test
    void missingIdTokenPermissionIsExplained() {
        f.env.remove("ACTIONS_ID_TOKEN_REQUEST_URL");
        f.env.remove("ACTIONS_ID_TOKEN_REQUEST_TOKEN");

        String message = f.openFailure();

        assertTrue(message.contains("ACTIONS_ID_TOKEN_REQUEST_URL is not set"), message);
        assertTrue(message.contains("JOB level"), message);
        assertTrue(message.contains("      permissions:\n        id-token: write\n"), message);
        assertFalse(message.contains("fork"), message);
    }

    @Test
    void pullRequestsFromForksAreExplained(@TempDir Path dir) throws IOException {
        f.env.remove("ACTIONS_ID_TOKEN_REQUEST_URL");
        f.env.remove("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"head\":{\"repo\":{\"full_name\":\"mallory/octo-repo\"}},"
                + "\"base\":{\"repo\":{\"full_name\":\"octo-org/octo-repo\"}}}}");
        f.env.put("GITHUB_EVENT_NAME", "pull_request");
        f.env.put("GITHUB_EVENT_PATH", event.toString());

        String message = f.openFailure();

        assertTrue(message.contains("pull request from a fork (mallory/octo-repo into octo-org/octo-repo)"), message);
        assertTrue(message.contains("never gives pull-request runs from forks"), message);
        assertTrue(message.contains("tag"), message);
    }

    @Test
    void aPullRequestFromTheSameRepositoryGetsThePermissionAdvice(@TempDir Path dir) throws IOException {
        f.env.remove("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"head\":{\"repo\":{\"full_name\":\"octo-org/octo-repo\","
                + "\"fork\":false}},\"base\":{\"repo\":{\"full_name\":\"octo-org/octo-repo\"}}}}");
        f.env.put("GITHUB_EVENT_NAME", "pull_request");
        f.env.put("GITHUB_EVENT_PATH", event.toString());

        String message = f.openFailure();

        assertTrue(message.contains("id-token: write"), message);
        assertFalse(message.contains("fork ("), message);
    }

    @Test
    void aRefusedExchangeShowsClaimsAndPublisherFormValues() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("ref", null); // a null override removes the claim
        f.issuer.githubTokenClaims(claims);

        String message = f.openFailure();
        assertTrue(message.contains("`invalid-publisher`: valid token, but no corresponding publisher (Missing claim"
                + " 'ref')"), message);
        assertTrue(message.contains("What to do: No trusted publisher"), message);
        assertTrue(message.matches("(?s).*\n  ref: +MISSING\n.*"), message);
        assertTrue(message.matches("(?s).*\n  repository_owner_id: +1342004\n.*"), message);
        assertTrue(message.matches("(?s).*\n  job_workflow_ref: +octo-org/octo-repo/\\.github/workflows/release\\.yml"
                + "@refs/tags/v1\\.0\\.0\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Owner: +octo-org\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Repository name: +octo-repo\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Workflow name: +release\\.yml\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Environment name: +pypi\n.*"), message);
        assertTrue(message.contains("https://docs.pypi.org/trusted-publishers/troubleshooting/"), message);
        assertEquals(0, f.pypi.mintCount());
    }

    @Test
    void aWorkflowThatIsNotConfiguredIsNotFound() {
        f.issuer.githubTokenClaims(Map.of(
                "workflow_ref", "octo-org/octo-repo/.github/workflows/ci.yml@refs/tags/v1.0.0",
                "job_workflow_ref", "octo-org/octo-repo/.github/workflows/ci.yml@refs/tags/v1.0.0"));

        String message = f.openFailure();

        assertTrue(message.contains("(Publisher with matching claims was not found)"), message);
        assertTrue(message.matches("(?s).*\n  Workflow name: +ci\\.yml\n.*"), message);
    }

    @Test
    void anEnvironmentMismatchIsShown() {
        f.issuer.githubTokenClaims(Map.of("environment", "staging", "sub", "repo:octo-org/octo-repo:environment:staging"));

        String message = f.openFailure();

        assertTrue(message.contains("`invalid-publisher`"), message);
        assertTrue(message.matches("(?s).*\n  environment: +staging\n.*"), message);
        assertTrue(message.matches("(?s).*\n  Environment name: +staging\n.*"), message);
        assertTrue(message.contains("the job must run in exactly that environment"), message);
    }

    @Test
    void aReusableWorkflowIsWarnedAbout() {
        f.issuer.githubTokenClaims(Map.of(
                "job_workflow_ref", "octo-org/shared-workflows/.github/workflows/publish.yml@refs/heads/main"));

        String message = f.openFailure();

        assertTrue(message.contains("Warning: This job runs in a reusable workflow"), message);
        assertTrue(message.contains("PyPI matches the publisher's workflow name against job_workflow_ref, the CALLED"
                + " workflow (publish.yml)"), message);
        assertTrue(message.matches("(?s).*\n  Workflow name: +publish\\.yml\n.*"), message);
        assertFalse(f.out().contains("::warning"), "the publisher reports to CI, not the trust layer: " + f.out());
    }

    @Test
    void aReusableWorkflowOfTheSameRepositoryMatchesByTheCalledFile() throws Exception {
        String called = "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0";
        f.issuer.githubTokenClaims(Map.of("job_workflow_ref", called));
        f.pypi.githubPublisher("octo-org", "octo-repo", "1342004", "publish.yml", "pypi");

        TrustedPublishingSession session = f.open();

        assertEquals(1, session.mintCount());
        assertEquals(1, session.warnings().size(), session.warnings().toString());
        assertTrue(session.warnings().get(0).startsWith("This job runs in a reusable workflow"), session.warnings().get(0));
    }

    @Test
    void aReusedIdentityTokenIsRefused() throws Exception {
        f.issuer.githubTokenClaims(Map.of("jti", "the-same-jti"));
        f.open();

        String message = f.openFailure();

        assertTrue(message.contains("`invalid-reuse-token`: invalid token: already used"), message);
        assertTrue(message.contains("never pass the same identity token twice"), message);
        assertEquals(1, f.pypi.mintCount());
    }

    @Test
    void aTokenForAnotherAudienceIsStoppedBeforeTheExchange() {
        f.issuer.githubTokenClaims(Map.of("aud", "sigstore"));

        String message = f.openFailure();

        assertTrue(message.contains("is for audience sigstore, but the index asked for 'pypi'"), message);
        assertEquals(0, f.pypi.mintRequests());
    }

    @Test
    void anExpiredTokenIsStoppedBeforeTheExchange() {
        f.issuer.githubTokenClaims(Map.of("exp", Instant.now().minusSeconds(60)));

        String message = f.openFailure();

        assertTrue(message.contains("identity token from GitHub Actions expired at"), message);
        assertEquals(0, f.pypi.mintRequests());
    }

    @Test
    void anUnknownIssuerIsExplained() {
        f.issuer.issuer("https://token.actions.githubusercontent.com/octo-enterprise");

        String message = f.openFailure();

        assertTrue(message.contains("`invalid-payload`: unknown trusted publishing issuer"), message);
        assertTrue(message.contains("GitHub Enterprise"), message);
    }

    @Test
    void aTokenSignedByAnotherKeyIsInvalid() throws Exception {
        try (var other = io.github.pypimaven.testing.oidc.FakeOidcIssuer.start(0)) {
            f.env.put("ACTIONS_ID_TOKEN_REQUEST_URL", other.githubTokenRequestUrl());
            f.env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", other.githubRequestToken());

            String message = f.openFailure();

            assertTrue(message.contains("`invalid-token`: malformed or invalid token"), message);
            assertTrue(message.contains("What to do: The index rejected the identity token itself"), message);
        }
    }

    @Test
    void failuresAreReportedToGitHubOnceByThePublisher(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.md");
        f.env.put("GITHUB_STEP_SUMMARY", summary.toString());
        f.pypi.audienceStatus(404);
        Path wheel = TestDistributions.wheel("my-package", "1.0").module("my_package/__init__.py", "").writeTo(dir);
        PublishRequest request = PublishRequest.builder(List.of(wheel), f.index(), new CredentialRequest(
                TrustedPublishingMode.ALWAYS, java.util.Optional.empty(), "UNSET", f.environment(),
                java.util.Optional.of("pypi"))).build();

        PublishException e = assertThrows(PublishException.class,
                () -> TestServices.publisher(f.service()).publish(request, f.out));

        assertEquals(PublishException.Stage.TRUSTED_PUBLISHING, e.stage());
        assertTrue(e.getMessage().contains("the index does not support Trusted Publishing"), e.getMessage());
        assertEquals(1, f.out().lines().filter(l -> l.startsWith("::error")).count(), f.out());
        assertTrue(f.out().startsWith("::error title=Trusted Publishing failed::Trusted Publishing failed: the index"
                + " does not support Trusted Publishing"), f.out());
        String markdown = Files.readString(summary);
        assertEquals(markdown.indexOf("## Trusted Publishing failed"), markdown.lastIndexOf("## Trusted Publishing failed"),
                markdown);
        assertTrue(markdown.contains(e.getMessage()), markdown);
    }

    @Test
    void thePublisherTurnsTrustedPublishingWarningsIntoOneAnnotationEach(@TempDir Path dir) {
        f.issuer.githubTokenClaims(Map.of(
                "job_workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0"));
        f.pypi.githubPublisher("octo-org", "octo-repo", "1342004", "publish.yml", "pypi");
        Path wheel = TestDistributions.wheel("my-package", "1.0").module("my_package/__init__.py", "").writeTo(dir);
        PublishRequest request = PublishRequest.builder(List.of(wheel), f.index(), new CredentialRequest(
                TrustedPublishingMode.ALWAYS, java.util.Optional.empty(), "UNSET", f.environment(),
                java.util.Optional.of("pypi"))).build();

        // The fixture's index has Trusted Publishing but no upload endpoint: the upload itself fails afterwards.
        assertThrows(PublishException.class, () -> TestServices.publisher(f.service()).publish(request, f.out));

        List<String> warnings = f.out().lines().filter(l -> l.startsWith("::warning ")).toList();
        assertEquals(1, warnings.size(), f.out());
        assertTrue(warnings.get(0).startsWith("::warning title=Trusted Publishing%3A potential workflow"
                + " misconfiguration::This job runs in a reusable workflow"), warnings.get(0));
        assertEquals(1, f.out().lines().filter(l -> l.startsWith("::error title=Publishing to 127.0.0.1")).count(),
                f.out());
    }

    @Test
    void secretsAreMaskedBeforeAnythingElseIsPrinted() throws Exception {
        f.issuer.githubTokenClaims(Map.of(
                "job_workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0"));
        f.pypi.githubPublisher("octo-org", "octo-repo", "1342004", "publish.yml", "pypi");

        String token = f.open().token();

        String jwt = f.issuer.issuedTokens().get(0);
        List<String> lines = f.out().lines().toList();
        assertEquals("::add-mask::" + jwt, lines.get(0), "the identity token is masked first");
        assertEquals("::add-mask::" + token, lines.get(1));
        assertEquals(2, lines.size(), f.out());
        assertTrue(f.out().startsWith("::add-mask::"), "a command must start its line");
    }
}
