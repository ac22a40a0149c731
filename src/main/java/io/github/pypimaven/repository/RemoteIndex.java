package io.github.pypimaven.repository;

import io.github.pypimaven.http.SecureUrl;
import java.net.URI;
import java.util.Optional;

/**
 * An index that takes uploads through PyPI's legacy upload API, at {@code uploadUrl}; {@code known} when it is one of
 * the indexes in {@link KnownIndex}.
 */
public record RemoteIndex(SecureUrl uploadUrl, Optional<KnownIndex> known) implements PublishTarget {

    /**
     * @throws IllegalArgumentException for an upload URL with a query or fragment (PyPI's clients send none, and one
     *     would be dropped silently when the Trusted Publishing endpoints are derived from it)
     */
    public static RemoteIndex of(SecureUrl uploadUrl) {
        if (uploadUrl.uri().getRawQuery() != null || uploadUrl.uri().getRawFragment() != null) {
            throw new IllegalArgumentException(PublishTarget.SETTING + " '" + uploadUrl + "' cannot be used: an upload"
                    + " URL has no query or fragment.");
        }
        return new RemoteIndex(uploadUrl, KnownIndex.forUploadUrl(uploadUrl.uri()));
    }

    /** Host and port, as messages name the index: {@code upload.pypi.org}, {@code 127.0.0.1:8080}. */
    @Override
    public String displayName() {
        return uploadUrl.authority();
    }

    public URI uri() {
        return uploadUrl.uri();
    }

    /** Trusted Publishing's audience endpoint, on the upload URL's own host (as PyPI serves it). */
    public URI audienceEndpoint() {
        return uploadUrl.resolveOnHost("/_/oidc/audience");
    }

    /** Trusted Publishing's token exchange endpoint. */
    public URI mintTokenEndpoint() {
        return uploadUrl.resolveOnHost("/_/oidc/mint-token");
    }

    /**
     * The simple API a release is compared with, from the {@code checkUrl} setting: unset means the known index's own
     * (PyPI and TestPyPI; none for other indexes), {@code none} turns the comparison off.
     *
     * @throws IllegalArgumentException for a URL that cannot be used, naming the setting
     */
    public Optional<SecureUrl> checkUrl(String configured) {
        if (configured == null || configured.isBlank()) {
            return known.map(k -> new SecureUrl(k.simpleApi()));
        }
        if (configured.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(SecureUrl.parse(configured, "checkUrl (pypi.checkUrl)", "https://pypi.org/simple/ (the"
                + " index's simple API), or 'none' to skip the check"));
    }

    @Override
    public String toString() {
        return uploadUrl.toString();
    }
}
