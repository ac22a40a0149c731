package io.github.pypimaven.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.http.AnswerCap;
import io.github.pypimaven.http.AnswerTooLargeException;
import io.github.pypimaven.http.BoundedExchange;
import io.github.pypimaven.http.HttpAnswer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The JSON exchanges with Fulcio and Rekor, through the plugin's one bounded reader ({@link BoundedExchange}): an
 * answer over {@link #MAX_BODY} is an error, so a broken or hostile server cannot fill the build's memory.
 */
final class SigstoreHttp {

    static final int MAX_BODY = AnswerCap.JSON.bytes();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complete answer, at most {@link #MAX_BODY} bytes. */
    record Reply(int status, byte[] body, String location) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "Reply[status=" + status + ", body=<" + body.length + " bytes>]";
        }
    }

    private SigstoreHttp() {}

    /** {@code base} (with or without a trailing slash, possibly with a path) followed by {@code path}. */
    static URI endpoint(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    static Reply postJson(CloseableHttpClient http, URI url, Map<String, String> headers, byte[] json)
            throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return send(http, post, headers);
    }

    static Reply get(CloseableHttpClient http, URI url) throws IOException {
        return send(http, new HttpGet(url), Map.of());
    }

    /** @throws AnswerTooLargeException for an answer over {@link #MAX_BODY} */
    private static Reply send(CloseableHttpClient http, HttpUriRequestBase request, Map<String, String> headers)
            throws IOException {
        request.setHeader("Accept", "application/json");
        headers.forEach(request::setHeader);
        HttpAnswer answer = BoundedExchange.send(http, request, AnswerCap.JSON);
        return new Reply(answer.status(), answer.body().getBytes(StandardCharsets.UTF_8),
                answer.headers().get("Location"));
    }

    /**
     * What a server's error answer says, fit for a message: the {@code message} field of a JSON error (Fulcio and
     * Rekor both send one), else the text; foreign text, so on one line, at most 200 characters, without anything
     * shaped like a credential.
     */
    static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.path("message").isTextual()) {
                text = node.get("message").asText();
            }
        } catch (IOException notJson) {
            // shown as text
        }
        String line = ForeignText.line(text, 200, List.of());
        return line.isEmpty() ? "no message" : line;
    }

    /** A transport failure, fit for a message (exception texts here name hosts and causes, not payloads). */
    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + excerpt(message.getBytes(StandardCharsets.UTF_8)));
    }
}
