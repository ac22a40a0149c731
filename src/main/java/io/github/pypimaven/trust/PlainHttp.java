package io.github.pypimaven.trust;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.http.AnswerCap;
import io.github.pypimaven.http.AnswerTooLargeException;
import io.github.pypimaven.http.BoundedExchange;
import io.github.pypimaven.http.HttpAnswer;
import io.github.pypimaven.http.ProxyRoutes;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The few small request/response exchanges of Trusted Publishing, each answer read whole, up to 1 MiB. An answer's body
 * may hold a token: never log it or put it in a message unchecked.
 */
final class PlainHttp {

    private PlainHttp() {}

    static HttpAnswer get(CloseableHttpClient http, URI url, Map<String, String> headers)
            throws IOException, TrustedPublishingException {
        return send(http, new HttpGet(url), headers, null);
    }

    /** A GET that never goes through a proxy: to the cloud's metadata server, whatever host it is configured at. */
    static HttpAnswer getDirect(CloseableHttpClient http, URI url, Map<String, String> headers)
            throws IOException, TrustedPublishingException {
        return send(http, new HttpGet(url), headers, ProxyRoutes.direct());
    }

    static HttpAnswer postJson(CloseableHttpClient http, URI url, Map<String, String> headers, String json)
            throws IOException, TrustedPublishingException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(http, post, headers, null);
    }

    /** @throws TrustedPublishingException for an answer past the cap: no retry helps with that, unlike an IOException */
    private static HttpAnswer send(CloseableHttpClient http, HttpUriRequestBase request, Map<String, String> headers,
            HttpContext context) throws IOException, TrustedPublishingException {
        headers.forEach(request::setHeader);
        try {
            return BoundedExchange.send(http, request, context, AnswerCap.JSON);
        } catch (AnswerTooLargeException e) {
            throw new TrustedPublishingException("Trusted Publishing failed: " + e.getMessage() + ".");
        }
    }

    /** A short, single-line excerpt of an error body for a message, without anything that looks like a secret. */
    static String excerpt(String body) {
        return ForeignText.line(body, 200, java.util.List.of());
    }
}
