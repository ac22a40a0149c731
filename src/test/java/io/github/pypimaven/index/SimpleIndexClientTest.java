package io.github.pypimaven.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.ProjectName;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.Flood;
import io.github.pypimaven.testing.ItUploads;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.pypi.FakePyPI;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
