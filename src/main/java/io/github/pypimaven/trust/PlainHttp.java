package io.github.pypimaven.trust;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import io.github.pypimaven.http.ProxyRoutes;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/** The few small request/response exchanges of Trusted Publishing, with the whole body read as text. */
final class PlainHttp {

    /** A complete answer. The body may hold a token: never log it or put it in a message unchecked. */
    record Reply(int status, String contentType, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "Reply[status=" + status + ", contentType=" + contentType + ", body=<" + body.length() + " chars>]";
        }
    }

    private PlainHttp() {}

    static Reply get(CloseableHttpClient http, URI url, Map<String, String> headers) throws IOException {
        return send(http, new HttpGet(url), headers, null);
    }

    /** A GET that never goes through a proxy: to the cloud's metadata server, whatever host it is configured at. */
    static Reply getDirect(CloseableHttpClient http, URI url, Map<String, String> headers) throws IOException {
        return send(http, new HttpGet(url), headers, ProxyRoutes.direct());
    }

    static Reply postJson(CloseableHttpClient http, URI url, Map<String, String> headers, String json)
            throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(http, post, headers, null);
    }

    private static Reply send(CloseableHttpClient http, HttpUriRequestBase request, Map<String, String> headers,
            HttpContext context) throws IOException {
        headers.forEach(request::setHeader);
        return http.execute(request, context, response -> {
            String body = response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            String type = response.getEntity() == null ? null : response.getEntity().getContentType();
            return new Reply(response.getCode(), type, body);
        });
    }

    /** A short, single-line excerpt of an error body for a message (error bodies carry no secrets). */
    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
