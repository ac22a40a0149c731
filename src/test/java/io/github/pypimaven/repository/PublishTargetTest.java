package io.github.pypimaven.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishTargetTest {

    private static final Path BASE = Path.of("project").toAbsolutePath();

    private static RemoteIndex remote(String text) {
        return assertInstanceOf(RemoteIndex.class, PublishTarget.parse(text, BASE));
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PublishTarget.parse(text, BASE)).getMessage();
    }

    @ParameterizedTest
    @CsvSource({
        "https://upload.pypi.org/legacy/, PYPI, https://pypi.org/simple/, pypi",
        "https://UPLOAD.PYPI.ORG:443/legacy/, PYPI, https://pypi.org/simple/, pypi",
        "https://test.pypi.org/legacy/, TESTPYPI, https://test.pypi.org/simple/, testpypi"})
    void knowsPyPIAndTestPyPIFromOneTable(String url, KnownIndex expected, String simple, String audience) {
        RemoteIndex index = remote(url);
        assertEquals(Optional.of(expected), index.known());
        assertEquals(URI.create(simple), index.checkUrl(null).orElseThrow().uri());
        assertEquals(audience, index.known().orElseThrow().audience());
        assertEquals(expected.releasePage("my-project", "1.0") , index.known().get().releasePage("my-project", "1.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pypi.example.com/legacy/", "https://upload.pypi.org:8443/legacy/",
        "http://127.0.0.1:8080/legacy/", "https://upload.pypi.org.example.com/legacy/"})
    void otherIndexesAreNotKnownAndHaveNoDefaultCheck(String url) {
        RemoteIndex index = remote(url);
        assertEquals(Optional.empty(), index.known());
        assertEquals(Optional.empty(), index.checkUrl(""));
    }

    @Test
    void theTrustedPublishingEndpointsAreOnTheUploadUrlsHost() {
        RemoteIndex index = remote("https://upload.example.org:8443/legacy/");
        assertEquals(URI.create("https://upload.example.org:8443/_/oidc/audience"), index.audienceEndpoint());
        assertEquals(URI.create("https://upload.example.org:8443/_/oidc/mint-token"), index.mintTokenEndpoint());
        assertEquals("upload.example.org:8443", index.displayName());
        assertEquals("upload.pypi.org", remote(KnownIndex.PYPI_UPLOAD_URL).displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/legacy/", "http://localhost/legacy/", "http://[::1]:9/legacy/",
        "http://127.3.4.5/"})
    void acceptsPlainHttpOnLoopback(String text) {
        assertTrue(remote(text).uploadUrl().isLoopback());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://upload.pypi.org/legacy/", "http://10.0.0.1/legacy/", "http://localhost.example.com/",
        "http://127.0.0.1.example.com/"})
    void refusesPlainHttpElsewhere(String text) {
        String message = refusal(text);
        assertTrue(message.startsWith("repositoryUrl (pypi.repositoryUrl) '" + text + "' cannot be used: plain http"),
                message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://__token__:pypi-secret@upload.pypi.org/legacy/",
        "http://__token__:pypi-secret@pypi.example.com/legacy/", "ftp://__token__:pypi-secret@pypi.example.com/",
        "https://__token__:pypi-secret@/legacy/", "https://__token__:pypi-secret@bad host/legacy/"})
    void refusesCredentialsInTheUrlWithoutEverEchoingThem(String text) {
        String message = refusal(text);
        assertFalse(message.contains("pypi-secret"), message);
        assertFalse(message.contains("__token__"), message);
        assertTrue(message.contains("pypi.repositoryUrl"), message);
    }

    @Test
    void showsTheUrlWithoutItsCredentials() {
        String message = refusal("https://__token__:pypi-secret@upload.pypi.org/legacy/");
        assertTrue(message.contains("'https://upload.pypi.org/legacy/' cannot be used: it contains credentials"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|is empty",
        "ftp://x/|use an https:// URL",
        "upload.pypi.org/legacy/|use an https:// URL",
        "https:///legacy/|has no host name",
        "https://x/legacy/?a=b|no query or fragment",
        "https://x/legacy/#top|no query or fragment",
        "https://bad host/|not a valid URL"})
    void refusesOtherUrlsSayingWhy(String text, String why) {
        String message = refusal(text);
        assertTrue(message.contains(why), message);
        assertTrue(message.contains("repositoryUrl (pypi.repositoryUrl)"), message);
    }

    @Test
    void resolvesRelativeFileUrlsAgainstTheProject() {
        LocalIndexDirectory local = assertInstanceOf(LocalIndexDirectory.class,
                PublishTarget.parse("file:target/pypi-index", BASE));
        assertEquals(BASE.resolve("target/pypi-index"), local.directory());
        Path absolute = Path.of("somewhere", "index").toAbsolutePath();
        assertEquals(absolute, ((LocalIndexDirectory) PublishTarget.parse(absolute.toUri().toString(), BASE)).directory());
        assertTrue(local.displayName().startsWith("local index "), local.displayName());
    }

    @Test
    void theCheckUrlIsParsedWithTheSameRules() {
        RemoteIndex pypi = remote(KnownIndex.PYPI_UPLOAD_URL);
        assertEquals(Optional.empty(), pypi.checkUrl("none"));
        assertEquals(Optional.empty(), pypi.checkUrl(" NONE "));
        assertEquals(URI.create("https://mirror.example.com/simple/"),
                pypi.checkUrl("https://mirror.example.com/simple/").orElseThrow().uri());
        String plain = assertThrows(IllegalArgumentException.class, () -> pypi.checkUrl("http://mirror.example.com/simple/"))
                .getMessage();
        assertTrue(plain.startsWith("checkUrl (pypi.checkUrl) 'http://mirror.example.com/simple/' cannot be used: plain"
                + " http"), plain);
        String secret = assertThrows(IllegalArgumentException.class,
                () -> pypi.checkUrl("https://user:hunter2@mirror.example.com/simple/")).getMessage();
        assertFalse(secret.contains("hunter2"), secret);
        assertTrue(secret.contains("'https://mirror.example.com/simple/'"), secret);
    }
}
