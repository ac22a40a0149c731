package io.github.pypimaven.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.http.HttpAnswer;
import io.github.pypimaven.http.TlsHandshake;
import io.github.pypimaven.repository.RemoteIndex;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** The index side of Trusted Publishing: its audience, and the exchange of an identity token for an upload token. */
final class MintTokenClient {

    /** What Warehouse grants when the answer does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    /** The latest expiry taken at face value: later ones are nonsense, and past what a date can show. */
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One reason of a refused exchange, as the index gave it. */
    record MintError(String code, String description) {}

    /** The index refused the identity token (a 4xx with Warehouse's JSON error list). */
    static final class MintRefused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient List<MintError> errors;

        MintRefused(int status, List<MintError> errors) {
            super("mint-token refused with " + status);
            this.status = status;
            this.errors = errors;
        }
    }

    String audience(RemoteIndex index, CloseableHttpClient http) throws TrustedPublishingException {
        HttpAnswer reply;
        try {
            reply = PlainHttp.get(http, index.audienceEndpoint(), Map.of("Accept", "application/json"));
        } catch (SSLException e) { // the first request to the index: a certificate problem shows here
            throw new TrustedPublishingException("Trusted Publishing failed: " + TlsHandshake.describe(
                    index.uploadUrl().host(), e), e);
        } catch (IOException e) {
            throw new TrustedPublishingException("Trusted Publishing failed: could not reach " + index.audienceEndpoint()
                    + " (" + e.getMessage() + "). Check the upload URL and the network or proxy settings, then retry"
                    + " the build.", e);
        }
        if (reply.status() == 403) {
            throw new TrustedPublishingException("Trusted Publishing failed: the index has Trusted Publishing disabled"
                    + " (GET " + index.audienceEndpoint() + " answered 403). Use an API token for this upload.");
        }
        if (reply.status() == 404) {
            throw new TrustedPublishingException("Trusted Publishing failed: the index does not support Trusted"
                    + " Publishing (is this a PyPI-compatible index? use a token instead): GET " + index.audienceEndpoint()
                    + " answered 404.");
        }
        if (reply.status() == 200) {
            try {
                JsonNode audience = JSON.readTree(reply.body()).get("audience");
                if (audience != null && audience.isTextual() && !audience.asText().isBlank()) {
                    return audience.asText();
                }
            } catch (IOException e) {
                // reported below, like any other unexpected answer
            }
        }
        throw new TrustedPublishingException("Trusted Publishing failed: the index answered unexpectedly ("
                + reply.status() + (reply.status() == 200 ? ", not a JSON object with 'audience'" : "")
                + ") to GET " + index.audienceEndpoint() + "; this is usually temporary, retry the build.");
    }

    /**
     * Exchanges {@code jwt} for an upload token. The minted token is masked on GitHub Actions before anything
     * else happens with it.
     */
    MintedToken mint(RemoteIndex index, String jwt, CloseableHttpClient http, GitHubActions github, Instant now)
            throws TrustedPublishingException, MintRefused {
        String body = JSON.createObjectNode().put("token", jwt).toString();
        HttpAnswer reply;
        try {
            reply = PlainHttp.postJson(http, index.mintTokenEndpoint(), Map.of("Accept", "application/json"), body);
        } catch (IOException e) {
            throw new TrustedPublishingException("Trusted Publishing failed: the token exchange with "
                    + index.mintTokenEndpoint() + " did not complete (" + e.getMessage() + "). Retry the build; a new"
                    + " identity token is requested each time.", e);
        }
        JsonNode answer = parse(reply.body());
        if (reply.ok() && answer != null) {
            JsonNode token = answer.get("token");
            if (token != null && token.isTextual() && !token.asText().isBlank()) {
                github.mask(token.asText());
                return new MintedToken(token.asText(), expiry(answer.get("expires"), index, now));
            }
        }
        if (!reply.ok() && reply.status() < 500 && answer != null && answer.path("errors").isArray()) {
            List<MintError> errors = new ArrayList<>();
            for (JsonNode error : answer.get("errors")) {
                errors.add(new MintError(error.path("code").asText("unknown"), error.path("description").asText("")));
            }
            throw new MintRefused(reply.status(), errors);
        }
        throw new TrustedPublishingException("Trusted Publishing failed: the index answered unexpectedly ("
                + reply.status() + (reply.ok() ? ", without a token" : "") + ") to POST " + index.mintTokenEndpoint()
                + "; this is usually a temporary problem of the index: wait a few minutes and retry the build."
                + " PyPI's status: https://status.python.org/");
    }

    /**
     * When the minted token expires: Warehouse's {@code expires}, in seconds since 1970 (a fraction is dropped), or its
     * default lifetime when the answer has none.
     *
     * @throws TrustedPublishingException for a value that is no time at all (1e30, a string...), rather than an
     *     arithmetic failure later
     */
    private static Instant expiry(JsonNode expires, RemoteIndex index, Instant now) throws TrustedPublishingException {
        if (expires == null || expires.isNull()) {
            return now.plus(DEFAULT_LIFETIME);
        }
        if (expires.isNumber() && expires.decimalValue().signum() >= 0
                && expires.decimalValue().compareTo(BigDecimal.valueOf(LATEST_EXPIRY.getEpochSecond())) <= 0) {
            return Instant.ofEpochSecond(expires.decimalValue().longValue());
        }
        String shown = expires.isNumber() ? expires.asText() : "a JSON " + expires.getNodeType().name().toLowerCase(Locale.ROOT);
        throw new TrustedPublishingException("Trusted Publishing failed: the index's answer to POST "
                + index.mintTokenEndpoint() + " gives the token an unusable expiry ('expires': "
                + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + "; PyPI sends the time in seconds since"
                + " 1970). Check that repositoryUrl (pypi.repositoryUrl) names an index that supports PyPI's Trusted"
                + " Publishing, or use an API token for it.");
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // never pass on the parser's message: it may quote the body, and so a token
        }
    }
}
