package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryUrlTest {

    private static final Path BASE = Path.of("/work/project");

    @Test
    void acceptsPyPI() {
        RepositoryUrl url = RepositoryUrl.parse(RepositoryUrl.PYPI, BASE);
        assertFalse(url.isLocal());
        assertEquals("upload.pypi.org", url.host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/legacy/", "http://localhost/legacy/", "http://[::1]:9/legacy/", "http://127.3.4.5/"})
    void acceptsPlainHttpOnLoopback(String text) {
        assertFalse(RepositoryUrl.parse(text, BASE).isLocal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://upload.pypi.org/legacy/", "http://10.0.0.1/legacy/", "http://localhost.example.com/"})
    void refusesPlainHttpElsewhere(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RepositoryUrl.parse(text, BASE));
        assertTrue(e.getMessage().contains("plain http"), e.getMessage());
        assertTrue(e.getMessage().contains("pypi.repositoryUrl"), e.getMessage());
    }

    @Test
    void refusesCredentialsInTheUrlWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RepositoryUrl.parse("https://__token__:pypi-secret@upload.pypi.org/legacy/", BASE));
        assertFalse(e.getMessage().contains("pypi-secret"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://x/", "upload.pypi.org/legacy/", "https:///legacy/", "https://x/legacy/?a=b"})
    void refusesOtherUrls(String text) {
        assertThrows(IllegalArgumentException.class, () -> RepositoryUrl.parse(text, BASE));
    }

    @Test
    void resolvesRelativeFileUrlsAgainstTheProject() {
        RepositoryUrl url = RepositoryUrl.parse("file:target/pypi-index", BASE);
        assertTrue(url.isLocal());
        assertEquals(BASE.resolve("target/pypi-index"), url.localDirectory());
        assertEquals(Path.of("/tmp/index"), RepositoryUrl.parse("file:///tmp/index", BASE).localDirectory());
    }
}
