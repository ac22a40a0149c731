package io.github.pypimaven.testing;

import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.repository.RemoteIndex;
import java.nio.file.Path;

/** Publish targets for tests, parsed exactly as the {@code repositoryUrl} setting is. */
public final class TestTargets {

    private TestTargets() {}

    /** An index over HTTP, e.g. a fake PyPI's upload URL on loopback. */
    public static RemoteIndex remote(String uploadUrl) {
        PublishTarget target = PublishTarget.parse(uploadUrl, Path.of("."));
        if (!(target instanceof RemoteIndex index)) {
            throw new IllegalArgumentException(uploadUrl + " is not an http(s) upload URL");
        }
        return index;
    }
}
