package io.github.pypimaven.credentials;

import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.trust.TrustedPublishingSession;
import java.util.List;
import java.util.Optional;

/**
 * What an upload authenticates with: credentials configured by the user or given by the CI
 * ({@link StaticCredentials}), or tokens minted by Trusted Publishing, which are minted again when they are about to
 * expire, so callers ask for the credentials before every file.
 */
public sealed interface UploadCredentials permits StaticCredentials, TrustedPublishingCredentials {

    /** The HTTP Basic credentials for the next upload. */
    BasicAuth basicAuth() throws CredentialsException;

    /** Where the credentials come from, for the log: never a secret. */
    String source();

    /** What the upload authenticates with, as a phrase for the log: "the token from settings.xml server 'pypi'". */
    String description();

    /** Things found on the way that are likely to go wrong later, each a complete sentence; none for static ones. */
    default List<String> warnings() {
        return List.of();
    }

    /** The Trusted Publishing session behind the token (its CI identity); empty for other credentials. */
    default Optional<TrustedPublishingSession> trustedPublishing() {
        return Optional.empty();
    }
}
