package io.github.pypimaven.trust;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The Trusted Publishing endpoints of an index, on the upload URL's own scheme, host and port (as PyPI's
 * clients do: {@code upload.pypi.org} serves them too). Any user info in the upload URL is dropped.
 */
record IndexEndpoints(URI base, String host) {

    static IndexEndpoints of(URI uploadUrl) throws TrustedPublishingException {
        String scheme = uploadUrl.getScheme() == null ? "" : uploadUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uploadUrl.getHost();
        if (!(scheme.equals("https") || scheme.equals("http")) || host == null) {
            throw new TrustedPublishingException("Trusted Publishing needs an http(s) upload URL with a host, but the"
                    + " configured upload URL is '" + withoutUserInfo(uploadUrl) + "'. Set the repository URL to the"
                    + " index's upload endpoint, e.g. https://upload.pypi.org/legacy/.");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            // The identity token would travel in clear text and could be replayed by anyone on the path.
            throw new TrustedPublishingException("Trusted Publishing refuses plain http for " + host + ": the"
                    + " identity token would be sent unencrypted. Use the index's https:// upload URL.");
        }
        try {
            URI base = new URI(scheme, null, host, uploadUrl.getPort(), null, null, null);
            String authority = uploadUrl.getPort() == -1 ? host : host + ":" + uploadUrl.getPort();
            return new IndexEndpoints(base, authority);
        } catch (URISyntaxException e) {
            throw new TrustedPublishingException("The upload URL '" + withoutUserInfo(uploadUrl)
                    + "' cannot be used for Trusted Publishing: " + e.getMessage());
        }
    }

    URI audience() {
        return base.resolve("/_/oidc/audience");
    }

    URI mintToken() {
        return base.resolve("/_/oidc/mint-token");
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}
