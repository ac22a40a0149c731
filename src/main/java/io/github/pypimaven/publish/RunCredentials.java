package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * The credentials of one run, resolved once per index and configuration. The releases of a reactor that go to the
 * same index with the same settings upload with the same credentials: GitLab gives a job a single ID token and the
 * index exchanges each identity token only once, so a second exchange for the second release would be refused; and
 * one minted token serves every project whose trusted publisher is this job, as on the index itself.
 */
final class RunCredentials {

    private record Key(RemoteIndex index, CredentialRequest request) {}

    /** Resolves credentials; the checked exception is the caller's. */
    @FunctionalInterface
    interface Resolution {
        UploadCredentials resolve() throws PublishException;
    }

    private final Map<Key, UploadCredentials> resolved = new HashMap<>();

    /** The credentials resolved earlier in this run for the same index and configuration, or new ones. */
    UploadCredentials forIndex(RemoteIndex index, CredentialRequest request, Resolution resolution)
            throws PublishException {
        Key key = new Key(index, request);
        UploadCredentials credentials = resolved.get(key);
        if (credentials == null) {
            credentials = resolution.resolve();
            resolved.put(key, credentials);
        }
        return credentials;
    }
}
