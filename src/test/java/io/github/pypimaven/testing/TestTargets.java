package io.github.pypimaven.testing;

import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.repository.RemoteIndex;
import java.net.URI;
import java.nio.file.Path;

/** Publish targets for tests, parsed exactly as the {@code repositoryUrl} setting is. */
public final class TestTargets {

    /** A host name that never resolves (RFC 2606), which {@link FakeProxy} forwards to loopback. */
    public static final String PROXIED_HOST = "pypi.proxied.test";

    private TestTargets() {}

    /** An index over HTTP, e.g. a fake PyPI's upload URL on loopback. */
    public static RemoteIndex remote(String uploadUrl) {
        PublishTarget target = PublishTarget.parse(uploadUrl, Path.of("."));
        if (!(target instanceof RemoteIndex index)) {
            throw new IllegalArgumentException(uploadUrl + " is not an http(s) upload URL");
        }
        return index;
    }

    /**
     * A fake server's URL (e.g. a fake PyPI's upload URL on 127.0.0.1) under {@link #PROXIED_HOST}: reachable only
     * through a {@link FakeProxy}. Plain http to a host that is not this machine is refused for any configured URL, so
     * the index is built here without that check.
     */
    public static RemoteIndex behindProxy(String url) {
        URI loopback = URI.create(url);
        return RemoteIndex.of(new SecureUrl(URI.create(loopback.getScheme() + "://" + PROXIED_HOST + ":" + loopback.getPort()
                + loopback.getRawPath())));
    }
}
