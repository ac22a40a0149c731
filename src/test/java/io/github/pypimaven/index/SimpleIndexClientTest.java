package io.github.pypimaven.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.pypimaven.distribution.ProjectName;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.Flood;
import io.github.pypimaven.testing.ItUploads;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.pypi.FakePyPI;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimpleIndexClientTest {

    @TempDir
    Path dir;

    @Test
    void listsAProjectsFilesWithTheirSha256FromTheJsonApi() throws Exception {
        Path wheel = TestDistributions.wheel("Listed.Project", "1.0").module("listed_project/__init__.py", "").writeTo(dir);
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken("pypi-t");
                CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            URI simple = URI.create(pypi.baseUrl() + "/simple");
            SimpleIndexClient client = new SimpleIndexClient();
            assertEquals(Map.of(), client.files(http, simple, new ProjectName("Listed.Project")), "unknown project: 404");
            ItUploads.upload(pypi.uploadUrl(), "pypi-t", wheel);
            Map<String, String> files = client.files(http, simple, new ProjectName("Listed.Project"));
            assertEquals(Map.of(wheel.getFileName().toString(), pypi.files().values().iterator().next().sha256()), files);
        }
    }

    @Test
    void readsPep503Html() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a-1.0-py3-none-any.whl", "ab".repeat(32));
        expected.put("a-1.0.tar.gz", null);
        assertEquals(expected, SimpleIndexClient.fromHtml("<html><body>\n<a href=\"../../files/a-1.0-py3-none-any.whl#sha256="
                + "AB".repeat(32) + "\" data-requires-python=\"&gt;=3.8\">a-1.0-py3-none-any.whl</a><br/>\n"
                + "<a href=\"https://files.example/a-1.0.tar.gz\">a-1.0.tar.gz</a>\n</body></html>"));
    }

    @Test
    void readsTheHtmlThatIndexesWriteInTheWild() {
        String sha = "cd".repeat(32);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("b-1.0.tar.gz", null);
        expected.put("c-1.0-py3-none-any.whl", sha);
        expected.put("d-1.0+local.tar.gz", null);
        expected.put("e-1.0.tar.gz", null);
        expected.put("f&g-1.0.tar.gz", sha);
        assertEquals(expected, SimpleIndexClient.fromHtml("<!DOCTYPE html><html><body>\n"
                + "<!-- <a href=\"commented-out.whl\">a-1.0.tar.gz</a> -->\n"
                + "<a>no-href-1.0.tar.gz</a><a name=x>b</a>\n"
                + "<A data-requires-python='&gt;=3.8' HREF='b-1.0.tar.gz'>b-1.0.tar.gz</A>\n"
                + "<a\nhref=c-1.0-py3-none-any.whl#sha256=" + sha + "\n>\n  c-1.0-py3-none-any.whl\n</a >\n"
                + "<a href=\"d-1.0%2Blocal.tar.gz\">d-1.0&#43;local.tar.gz</a>"
                + "<a href=\"x\" href=\"ignored\">e-1.0.tar.gz</a>"
                + "<a href=\"f&amp;g-1.0.tar.gz#sha256=" + sha + "\">f&amp;g-1.0.tar.gz</a>"
                + "<a href=\"nested\"><b>bold</b></a><abbr href=\"x\">not a link</abbr>\n</body></html>"));
    }

    /**
     * Pages built to make a backtracking parser hang (the old regular expression took 78 s on 22 KB of the first):
     * each is 16 MiB, the most the client reads, and is parsed within a bound the old parser would exceed by many
     * orders of magnitude; the bound is generous, so a slow machine does not fail it.
     */
    private static final int PAGE = 16 * 1024 * 1024;

    static Stream<Arguments> pathologicalPages() {
        String hex = "0123456789abcdef".repeat(4).substring(1);
        return Stream.of(
                arguments("open tags with quoted hrefs", "", "<a href=\"\" ", ""),
                arguments("start tags, never closed", "", "<a href=\"x\">", ""),
                arguments("start tags with text, never closed", "", "<a href=\"x\">y", ""),
                arguments("an unclosed quote", "", "<a x='", ""),
                arguments("an unclosed comment", "", "<!--<a ", ""),
                arguments("a tag of almost-digests", "", "<a href=x#sha256=" + hex + " ", ""),
                arguments("a text of ampersands", "<a href=x>", "&&amp;&#", "</a>"),
                arguments("a href of ampersands", "<a href=\"", "&&#x;&", "\">x</a>"),
                arguments("only '<'", "", "<", ""));
    }

    /**
     * Pages built to make a backtracking parser hang (the old regular expression took 78 s on 22 KB of the first):
     * each is 16 MiB, the most the client reads, and must be parsed within a bound the old parser would exceed by
     * many orders of magnitude; the bound is generous, so a slow machine does not fail it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void pathologicalPages(String what, String prefix, String unit, String suffix) {
        String page = prefix + unit.repeat(PAGE / unit.length()) + suffix;
        Map<String, String> files = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> SimpleIndexClient.fromHtml(page));
        assertTrue(files.size() <= 1, files.size() + " files");
    }

    @Test
    void failsClearlyWhenTheIndexCannotBeAsked() throws Exception {
        FakePyPI gone = FakePyPI.start(0);
        gone.close();
        try (CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            IndexQueryException e = assertThrows(IndexQueryException.class, () -> new SimpleIndexClient().files(http,
                    URI.create(gone.baseUrl() + "/simple/"), new ProjectName("x")));
            assertTrue(e.getMessage().contains("Could not list the files of x at " + gone.baseUrl() + "/simple/"), e.getMessage());
        }
    }

    @Test
    void anOversizedPageFailsAtTheCapWithoutReadingOn() throws Exception {
        try (Flood page = Flood.of(64L << 20, 200, "text/html").serve();
                CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            IndexQueryException e = assertThrows(IndexQueryException.class, () -> new SimpleIndexClient().files(http,
                    URI.create(page.url("/simple/")), new ProjectName("big")));
            assertTrue(e.getMessage().contains("the answer to GET " + page.url("/simple/big/") + " is larger than 16 MiB"),
                    e.getMessage());
            assertTrue(page.written() < page.size(), page.written() + " of " + page.size() + " bytes written");
        }
    }
}
