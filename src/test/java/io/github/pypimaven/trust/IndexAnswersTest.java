package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.Flood;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** 1 MiB at most, counted after decompression: a small gzip answer must not become gigabytes in memory. */
    @Test
    void aGzipBombFromTheAudienceEndpointStopsAtTheCap() {
        f.index.createContext("/_/oidc/audience", Flood.gzipped(256L << 20, 200, "application/json"));
        String message = f.openFailure();
        assertTrue(message.contains("Trusted Publishing failed: the answer to GET " + f.index().audienceEndpoint()
                + " is larger than 1 MiB"), message);
        assertEquals(0, f.issuer.githubTokenRequests());
    }

    @Test
    void anEndlessAnswerIsLeftUnreadPastTheCap() {
        Flood flood = Flood.of(64L << 20, 200, "application/json");
        f.index.createContext("/_/oidc/audience", flood);
        String message = f.openFailure();
        assertTrue(message.contains("is larger than 1 MiB"), message);
        assertTrue(flood.written() < flood.size(), "the client stopped reading, and did not drain the rest either: "
                + flood.written() + " of " + flood.size() + " bytes written");
    }

    static Stream<Object> unusableExpiries() {
        return Stream.of(new BigDecimal("1e30"), Long.MAX_VALUE, Long.MIN_VALUE, new BigDecimal("-1e30"), -1,
                "tomorrow", true);
    }

    @ParameterizedTest
    @MethodSource("unusableExpiries")
    void anUnusableExpiresIsAClearError(Object expires) {
        f.pypi.expiresValue(expires);
        String message = f.openFailure();
        assertTrue(message.startsWith("Trusted Publishing failed: the index's answer to POST "
                + f.index().mintTokenEndpoint() + " gives the token an unusable expiry ('expires': "), message);
        assertTrue(f.minted.stream().noneMatch(message::contains), "the token never shows");
    }
}
