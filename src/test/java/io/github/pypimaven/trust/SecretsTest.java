package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No token of any kind reaches a log line (DEBUG included), an exception message or a toString. */
class SecretsTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.io.github.pypimaven", "debug");
    }

    private final List<String> messages = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final StringBuilder stdout = new StringBuilder();

    @Test
    void noSecretIsLoggedOrPutInAMessage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertTrue(LoggerFactory.getLogger(TokenExchange.class).isDebugEnabled(),
                    "slf4j-simple must log io.github.pypimaven.trust at DEBUG for this test; another test created"
                            + " the logger before this class set org.slf4j.simpleLogger.log.io.github.pypimaven");
            github();
            gitlab();
            google();
        } finally {
            System.setErr(original);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("DEBUG io.github.pypimaven.trust.TokenExchange - Trusted Publishing: claim"), log);
        assertTrue(log.contains("INFO io.github.pypimaven.trust.TokenExchange - Trusted Publishing: minted a token"
                + " for 127.0.0.1:"), log);
        assertTrue(log.contains("WARN "), log);
        assertTrue(messages.size() >= 6, messages.toString());
        assertTrue(secrets.size() >= 12, "secrets collected: " + secrets.size());
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a secret is in the log");
            for (String message : messages) {
                assertFalse(message.contains(secret), "a secret is in the message: " + message);
            }
            for (String line : stdout.toString().split("\n")) {
                assertTrue(line.startsWith("::add-mask::") || !line.contains(secret),
                        "a secret is printed outside a mask command: " + line);
            }
        }
    }

    private void github() throws Exception {
        try (TrustFixture f = new TrustFixture()) {
            f.onGitHub();
            f.pypi.defaultGithubPublisher().lifetime(Duration.ofSeconds(400));
            TrustedPublishingSession session = f.open();
            messages.add(session.toString());
            f.clock.advance(Duration.ofMinutes(2));
            session.token();
            f.clock.advance(Duration.ofMinutes(2));
            f.pypi.failNextMint();
            session.token(); // renewal fails: warning, current token kept

            f.issuer.githubTokenClaims(Map.of("environment", "staging",
                    "job_workflow_ref", "octo-org/other/.github/workflows/publish.yml@refs/heads/main"));
            messages.add(f.openFailure());
            f.issuer.githubTokenClaims(Map.of("exp", Instant.now().minusSeconds(5)));
            messages.add(f.openFailure());
            f.issuer.githubTokenClaims(Map.of("aud", "elsewhere"));
            messages.add(f.openFailure());
            f.issuer.githubTokenClaims(Map.of());
            f.pypi.failNextMint();
            messages.add(f.openFailure());
            String requestToken = f.issuer.githubRequestToken();
            f.env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken + "x");
            messages.add(f.openFailure());
            secrets.add(requestToken);
            collect(f);
        }
    }

    private void gitlab() throws Exception {
        try (TrustFixture f = new TrustFixture()) {
            f.pypi.defaultGitlabPublisher().lifetime(Duration.ofSeconds(400));
            f.env.put("GITLAB_CI", "true");
            f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));
            TrustedPublishingSession session = f.open();
            f.clock.advance(Duration.ofMinutes(8));
            try {
                session.token();
            } catch (TrustedPublishingException e) {
                messages.add(e.getMessage());
            }
            messages.add(f.openFailure()); // the index refuses the reused token
            collect(f);
        }
    }

    private void google() throws Exception {
        try (TrustFixture f = new TrustFixture()) {
            f.pypi.googlePublisher("someone@octo-project.iam.gserviceaccount.com", null);
            f.env.put("GCE_METADATA_HOST", f.issuer.metadataHost());
            f.env.put("GOOGLE_SERVICE_ACCOUNT_NAME", "deployer@octo-project.iam.gserviceaccount.com");
            messages.add(f.openFailure());
            secrets.add(f.issuer.googleAccessToken());
            collect(f);
        }
    }

    private void collect(TrustFixture f) {
        if (f.github().active()) {
            for (String token : f.minted) {
                assertTrue(f.out().contains("::add-mask::" + token + "\n"), "each minted token is masked");
            }
        }
        for (String jwt : f.issuer.issuedTokens()) {
            secrets.add(jwt);
            secrets.add(jwt.substring(jwt.lastIndexOf('.') + 1)); // the signature alone
        }
        secrets.addAll(f.minted);
        stdout.append(f.out());
    }
}
