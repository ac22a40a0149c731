package io.github.pypimaven.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The JSON exchanges with Fulcio and Rekor. Answers are read up to {@link #MAX_BODY} bytes, never more: a larger one
 * is an error, so a broken or hostile server cannot fill the build's memory.
 */
final class SigstoreHttp {

    static final int MAX_BODY = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

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

    /** The answer was larger than {@link #MAX_BODY}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer is larger than " + MAX_BODY / 1024 + " KiB");
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

    private static Reply send(CloseableHttpClient http, HttpUriRequestBase request, Map<String, String> headers)
            throws IOException {
        request.setHeader("Accept", "application/json");
        headers.forEach(request::setHeader);
        return http.execute(request, response -> {
            byte[] body = new byte[0];
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    body = in.readNBytes(MAX_BODY + 1);
                }
                if (body.length > MAX_BODY) {
                    throw new TooLarge();
                }
            }
            var location = response.getFirstHeader("Location");
            return new Reply(response.getCode(), body, location == null ? null : location.getValue());
        });
    }

    /**
     * What a server's error answer says, fit for a message: the {@code message} field of a JSON error (Fulcio and
     * Rekor both send one), else the text; on one line, at most 200 characters, anything shaped like a token removed.
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
        String flat = JWT.matcher(text).replaceAll("<token>").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (flat.isEmpty()) {
            return "no message";
        }
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    /** A transport failure, fit for a message (exception texts here name hosts and causes, not payloads). */
    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + excerpt(message.getBytes(StandardCharsets.UTF_8)));
    }
}
