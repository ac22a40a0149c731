package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the index's answers to the audience and mint requests are reported. */
class IndexAnswersTest {

    private TrustFixture f;

    @BeforeEach
    void start() throws IOException {
        f = new TrustFixture().onGitHub();
        f.pypi.defaultGithubPublisher();
    }

    @AfterEach
    void stop() throws IOException {
        f.close();
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
    void theAudienceOfTheIndexIsRequested() throws Exception {
        f.pypi.audience("testpypi");
        f.open();
        assertEquals(1, f.pypi.mintCount());
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

    @Test
    void plainHttpIsOnlyForLoopback() {
        TrustedPublishingException e = assertThrows(TrustedPublishingException.class,
                () -> IndexEndpoints.of(URI.create("http://upload.example.org/legacy/")));
        assertTrue(e.getMessage().contains("refuses plain http for upload.example.org"), e.getMessage());
    }

    @Test
    void endpointsUseTheUploadUrlsSchemeHostAndPortWithoutUserInfo() throws Exception {
        IndexEndpoints index = IndexEndpoints.of(URI.create("https://user:secret@upload.example.org:8443/legacy/"));
        assertEquals(URI.create("https://upload.example.org:8443/_/oidc/audience"), index.audience());
        assertEquals(URI.create("https://upload.example.org:8443/_/oidc/mint-token"), index.mintToken());
        assertEquals("upload.example.org:8443", index.host());
        assertEquals("upload.pypi.org", IndexEndpoints.of(URI.create("https://upload.pypi.org/legacy/")).host());
    }
}
