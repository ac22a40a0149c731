package io.github.pypimaven.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.distribution.ProjectName;
import io.github.pypimaven.http.AnswerCap;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.BoundedExchange;
import io.github.pypimaven.http.HttpAnswer;
import io.github.pypimaven.http.TlsHandshake;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Asks an index's simple repository API (PEP 691 JSON, or PEP 503 HTML) which files a project already has, and
 * their sha256: so that a release can be compared with the index before anything is uploaded.
 */
@Named
@Singleton
public class SimpleIndexClient {

    private static final String ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("#sha256=([0-9a-fA-F]{64})");

    /** Without credentials. */
    public Map<String, String> files(CloseableHttpClient http, URI simpleUrl, ProjectName name) throws IndexQueryException {
        return files(http, simpleUrl, name, Optional.empty());
    }

    /**
     * The project's files on the index, file name to lower-case sha256 (null when the index gives no sha256);
     * empty when the index does not know the project.
     *
     * @param simpleUrl the index's simple API root, e.g. {@code https://pypi.org/simple/}
     * @param auth the credentials to read it with, if any (the caller decides whether this host may have them)
     * @throws IndexAccessDenied when the index answers 401 or 403
     * @throws IndexQueryException when the index cannot be asked or answers something else unexpected
     */
    public Map<String, String> files(CloseableHttpClient http, URI simpleUrl, ProjectName name, Optional<BasicAuth> auth)
            throws IndexQueryException {
        String root = simpleUrl.toString().endsWith("/") ? simpleUrl.toString() : simpleUrl + "/";
        HttpGet get = new HttpGet(URI.create(root + name.normalized() + "/"));
        get.setHeader("Accept", ACCEPT);
        get.setHeader("Cache-Control", "no-cache"); // a CDN's copy may predate the last upload
        auth.ifPresent(a -> get.setHeader("Authorization", a.header()));
        HttpAnswer answer;
        try {
            answer = BoundedExchange.send(http, get, AnswerCap.INDEX_PAGE);
        } catch (SSLException e) {
            throw failure(name, root, TlsHandshake.describe(simpleUrl.getHost(), e));
        } catch (IOException | RuntimeException e) {
            throw failure(name, root, e.getMessage());
        }
        if (answer.status() == 404) {
            return Map.of();
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new IndexAccessDenied("Could not list the files of " + name + " at " + root + ": HTTP "
                    + answer.status() + " from " + get.getRequestUri(), answer.status());
        }
        if (answer.status() != 200) {
            throw failure(name, root, "HTTP " + answer.status() + " from " + get.getRequestUri());
        }
        boolean json = answer.header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
        try {
            return json ? fromJson(answer.body()) : fromHtml(answer.body());
        } catch (IOException | RuntimeException e) {
            throw failure(name, root, e.getMessage());
        }
    }

    private static IndexQueryException failure(ProjectName name, String root, String why) {
        return new IndexQueryException("Could not list the files of " + name + " at " + root + ": " + why);
    }

    static Map<String, String> fromJson(String body) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode file : JSON.readTree(body).path("files")) {
            String sha256 = file.path("hashes").path("sha256").asText(null);
            files.put(file.path("filename").asText(), sha256 == null ? null : sha256.toLowerCase(Locale.ROOT));
        }
        return files;
    }

    /** A PEP 503 page: each link's text is a file name, its href's {@code #sha256=} fragment the digest. */
    static Map<String, String> fromHtml(String body) {
        Map<String, String> files = new LinkedHashMap<>();
        for (HtmlAnchors.Anchor link : HtmlAnchors.parse(body)) {
            Matcher hash = SHA256.matcher(link.href());
            files.put(link.text().strip(), hash.find() ? hash.group(1).toLowerCase(Locale.ROOT) : null);
        }
        return files;
    }
}
