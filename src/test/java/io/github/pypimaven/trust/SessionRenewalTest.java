package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SessionRenewalTest {

    @AutoClose
    private final TrustFixture f = new TrustFixture();

    @BeforeEach
    void configure() {
        // 400 s: more than the 5 minute margin now, less once the clock moves 2 minutes on.
        f.pypi.lifetime(Duration.ofSeconds(400));
    }

    @Test
    void aTokenCloseToExpiryIsReMintedWithAFreshIdentityToken() throws Exception {
        f.onGitHub();
        f.pypi.defaultGithubPublisher();
        TrustedPublishingSession session = f.open();
        String first = session.token();
        assertEquals(first, session.token());
        assertEquals(1, session.mintCount());

        f.clock.advance(Duration.ofMinutes(2));
        String second = session.token();

        assertNotEquals(first, second);
        assertEquals(2, session.mintCount());
        assertEquals(2, f.pypi.mintCount());
        assertEquals(2, f.issuer.githubTokenRequests(), "each mint needs a new identity token");
        assertEquals(f.minted.get(1), second);
    }

    @Test
    void withoutExpiresTheLifetimeIs15Minutes() throws Exception {
        f.onGitHub();
        f.pypi.defaultGithubPublisher().omitExpires();
        // identity tokens must outlive the 11 minutes the clock moves on
        f.issuer.githubTokenClaims(Map.of("exp", java.time.Instant.now().plusSeconds(3600)));
        java.time.Instant before = f.clock.instant();
        TrustedPublishingSession session = f.open();

        assertTrue(!session.expiresAt().isBefore(before.plusSeconds(900))
                && !session.expiresAt().isAfter(f.clock.instant().plusSeconds(900)), session.expiresAt().toString());
        f.clock.advance(Duration.ofMinutes(9));
        session.token();
        assertEquals(1, session.mintCount());
        f.clock.advance(Duration.ofMinutes(2));
        session.token();
        assertEquals(2, session.mintCount());
    }

    @Test
    void aFailedRenewalKeepsTheCurrentTokenWhileItIsValid() throws Exception {
        f.onGitHub();
        f.pypi.defaultGithubPublisher();
        TrustedPublishingSession session = f.open();
        String first = session.token();

        f.clock.advance(Duration.ofMinutes(2));
        f.pypi.failNextMint();

        assertEquals(first, session.token());
        assertEquals(1, session.mintCount());
    }

    @Test
    void gitlabCannotReMintOnceItsSingleTokenIsUsed() throws Exception {
        f.pypi.defaultGitlabPublisher();
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));
        TrustedPublishingSession session = f.open();
        String first = session.token();

        f.clock.advance(Duration.ofMinutes(2));
        assertEquals(first, session.token(), "still valid: kept, with a warning");

        f.clock.advance(Duration.ofMinutes(6));
        TrustedPublishingException e = assertThrows(TrustedPublishingException.class, session::token);
        assertTrue(e.getMessage().contains("GitLab CI/CD gives a job a single ID token, it was already exchanged"),
                e.getMessage());
        assertTrue(e.getMessage().contains("split the publishing into several jobs"), e.getMessage());
        assertEquals(1, f.pypi.mintRequests(), "the used token is not sent again");
    }
}
