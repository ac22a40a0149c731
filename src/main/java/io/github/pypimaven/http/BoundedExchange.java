package io.github.pypimaven.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Sends a request and reads its answer whole, but never more than its {@link AnswerCap}, counted after decompression:
 * every answer the plugin reads goes through here, so no server (or proxy in its place) can make the build read
 * gigabytes into memory.
 *
 * <p>Past the cap the connection is abandoned, not drained: closing an unfinished answer would otherwise read the rest
 * of it (to reuse the connection), for as long as the server keeps sending. Bodies are decoded as UTF-8, the encoding
 * of JSON and of the indexes' pages.
 */
public final class BoundedExchange {

    private BoundedExchange() {}

    public static HttpAnswer send(CloseableHttpClient http, HttpUriRequestBase request, AnswerCap cap) throws IOException {
        return send(http, request, null, cap);
    }

    /**
     * @param context null, or {@link ProxyRoutes#direct()} for a request that must never go through a proxy
     * @throws AnswerTooLargeException past a cap that does not truncate
     */
    public static HttpAnswer send(CloseableHttpClient http, HttpUriRequestBase request, HttpContext context, AnswerCap cap)
            throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, request, context);
        boolean complete = false;
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                headers.putIfAbsent(header.getName(), header.getValue());
            }
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            if (entity != null) {
                InputStream in = entity.getContent(); // closed with the response, below
                body = in.readNBytes(cap.bytes() + 1);
                complete = body.length <= cap.bytes();
                if (!complete && !cap.truncate()) {
                    throw new AnswerTooLargeException(request.getMethod() + " " + shown(request), cap);
                }
                body = Arrays.copyOf(body, Math.min(body.length, cap.bytes()));
            } else {
                complete = true;
            }
            return new HttpAnswer(response.getCode(), headers, new String(body, StandardCharsets.UTF_8));
        } finally {
            if (!complete) {
                request.cancel(); // drops the connection, so that closing the answer does not read the rest of it
            }
            try {
                response.close();
            } catch (IOException e) {
                if (complete) {
                    throw e;
                }
                // the dropped connection cannot be closed gracefully; nothing was lost
            }
        }
    }

    /** The request's URL without any {@code user:password@}. */
    private static String shown(HttpUriRequestBase request) {
        try {
            return SecureUrl.withoutUserInfo(request.getUri().toString());
        } catch (java.net.URISyntaxException e) {
            return request.getRequestUri();
        }
    }
}
