package io.github.pypimaven.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code file:} repository URLs on Windows and elsewhere: both flavours are checked here, on any OS. */
class FileUrlTest {

    @ParameterizedTest(name = "{0} on Windows is {1}")
    @CsvSource(delimiter = '|', value = {
        "file:///C:/Users/me/index       | C:/Users/me/index",
        "file:/C:/Users/me/index         | C:/Users/me/index",
        "FILE:///c:/index                | c:/index",
        "file://localhost/C:/index       | C:/index",
        "file:C:/index                   | C:/index",
        "file:///D:/                     | D:/",
        "file:///D:                      | D:/",
        "file:///C:/My%20Documents/index | C:/My Documents/index",
        // what Maven makes of file:${project.build.directory}/pypi-index on Windows
        "file:C:\\work\\project\\target/pypi-index | C:/work/project/target/pypi-index",
        "file:///C:\\index               | C:/index",
        "file:target\\pypi-index          | target/pypi-index",
        "file:target/pypi-index          | target/pypi-index",
        // UNC paths: a share on a server
        "file://server/share/index       | \\\\server\\share\\index",
        "file://fs.example.com/builds/py%20index | \\\\fs.example.com\\builds\\py index"})
    void windows(String url, String expected) {
        assertEquals(expected, FileUrl.pathText(url, true));
    }

    @ParameterizedTest(name = "{0} elsewhere is {1}")
    @CsvSource(delimiter = '|', value = {
        "file:///home/me/index           | /home/me/index",
        "file:/home/me/index             | /home/me/index",
        "file://localhost/home/me/index  | /home/me/index",
        "file:target/pypi-index          | target/pypi-index",
        "file:///tmp/My%20Index          | /tmp/My Index",
        // a drive letter means nothing here: the JDK's own reading of these URLs
        "file:///C:/index                | /C:/index",
        "file:C:/index                   | C:/index"})
    void elsewhere(String url, String expected) {
        assertEquals(expected, FileUrl.pathText(url, false));
    }

    @ParameterizedTest(name = "{0} (windows={1})")
    @CsvSource(delimiter = '|', value = {
        "file://server/share/index | false | 'server' is a host: file://host/share/... names a Windows share",
        "file:C:\\index            | false | a backslash is not a path separator on this OS",
        "file:///index?x=1         | true  | has no '?' or '#' part",
        "file:///index#top         | false | has no '?' or '#' part",
        "file://server             | true  | it names no directory",
        "file:                     | false | Expected scheme-specific part"})
    void refusals(String url, boolean windows, String message) {
        String text = assertThrows(IllegalArgumentException.class, () -> FileUrl.pathText(url, windows)).getMessage();
        assertTrue(text.contains(message), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"file://server/share/index", "file:///tmp/index?x"})
    void theSettingIsNamedInTheRefusal(String url) {
        Path base = Path.of("project").toAbsolutePath();
        String text = assertThrows(IllegalArgumentException.class, () -> PublishTarget.parse(url, base)).getMessage();
        assertTrue(text.startsWith("repositoryUrl (pypi.repositoryUrl) '" + url + "' cannot be used: it is not a usable"
                + " file: URL ("), text);
        assertTrue(text.endsWith("; write file:relative/path or file:///absolute/path."), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"file:/tmp/index | /tmp/index", "file:///tmp/a/../index | /tmp/index",
        "file:target/index | project/target/index"})
    void onThisOsTheTextBecomesTheDirectory(String url, String expected) {
        Path base = Path.of("project").toAbsolutePath();
        Path directory = assertInstanceOf(LocalIndexDirectory.class, PublishTarget.parse(url, base)).directory();
        assertEquals(base.getParent().resolve(expected.startsWith("/") ? Path.of(expected).toString()
                : expected).normalize(), directory);
    }
}
