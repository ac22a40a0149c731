package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the index's answers to the audience and mint requests are reported. */
class IndexAnswersTest {

    @AutoClose
    private final TrustFixture f = new TrustFixture().onGitHub();

    @BeforeEach
    void configure() {
        f.pypi.defaultGithubPublisher();
    }

    @Test
    void audience403MeansDisabled() {
        f.pypi.audienceStatus(403);
        String message = f.openFailure();
        assertTrue(message.contains("the index has Trusted Publishing disabled"), message);
        assertEquals(0, f.issuer.githubTokenRequests());
    }

    @Test
    void audience404MeansUnsupported() {
        f.pypi.audienceStatus(404);
        String message = f.openFailure();
        assertTrue(message.contains("the index does not support Trusted Publishing (is this a PyPI-compatible index?"
                + " use a token instead)"), message);
    }

    @Test
    void audience500IsTemporary() {
        f.pypi.audienceStatus(500);
        String message = f.openFailure();
        assertTrue(message.contains("the index answered unexpectedly (500)"), message);
        assertTrue(message.contains("this is usually temporary, retry the build"), message);
    }

    @Test
    void audienceThatIsNotJsonIsUnexpected() {
        f.pypi.audienceBody("<html>maintenance</html>");
        String message = f.openFailure();
        assertTrue(message.contains("the index answered unexpectedly (200, not a JSON object with 'audience')"),
                message);
    }

    @Test
    void theAudienceIsOursAndTheIndexMayOnlyConfirmIt() throws Exception {
        f.pypi.audience("testpypi");
        f.open("testpypi");
        assertEquals(1, f.pypi.mintCount(), "the fake index verified the token's aud claim: testpypi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sts.amazonaws.com", "sigstore", "pypi\n::warning::pwned"})
    void anIndexNamingAnotherAudienceGetsNoIdentityToken(String foreign) {
        f.pypi.audience(foreign);
        String message = f.openFailure();
        assertTrue(message.contains("asks for identity tokens with the audience '"), message);
        assertTrue(message.contains("but the audience for 127.0.0.1:"), message);
        assertTrue(message.contains("is 'pypi'. No identity token was requested"), message);
        assertEquals(1, message.lines().count(), "the index's answer cannot break the line: " + message);
        assertEquals(0, f.issuer.githubTokenRequests(), "no identity token was asked for");
        assertEquals(0, f.pypi.mintRequests());
    }

    @Test
    void aMint503WithHtmlAsksToRetry() {
        f.pypi.failNextMint();
        String message = f.openFailure();
        assertTrue(message.contains("the index answered unexpectedly (503)"), message);
        assertTrue(message.contains("retry the build"), message);
        assertTrue(message.contains("https://status.python.org/"), message);
        assertTrue(!message.contains("<html>"), message);
    }

    @Test
    void trustedPublishingIsDisabledForOneProvider() {
        f.pypi.disable("github");
        String message = f.openFailure();
        assertTrue(message.contains("`not-enabled`: github trusted publishing functionality not enabled"), message);
    }

    @Test
    void outsideCiNothingIsDetected() {
        f.env.clear();
        String message = f.openFailure();
        assertTrue(message.contains("does not run in a CI system that can prove its identity"), message);
    }
}
