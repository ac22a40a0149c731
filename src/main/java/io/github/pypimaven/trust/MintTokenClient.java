package io.github.pypimaven.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.repository.RemoteIndex;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** The index side of Trusted Publishing: its audience, and the exchange of an identity token for an upload token. */
final class MintTokenClient {

    /** What Warehouse grants when the answer does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

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
        PlainHttp.Reply reply;
        try {
            reply = PlainHttp.get(http, index.audienceEndpoint(), Map.of("Accept", "application/json"));
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
        PlainHttp.Reply reply;
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
                JsonNode expires = answer.get("expires");
                Instant expiresAt = expires != null && expires.canConvertToLong()
                        ? Instant.ofEpochSecond(expires.asLong())
                        : now.plus(DEFAULT_LIFETIME);
                return new MintedToken(token.asText(), expiresAt);
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

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // never pass on the parser's message: it may quote the body, and so a token
        }
    }
}
