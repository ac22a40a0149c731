package io.github.pypimaven.credentials;

import io.github.pypimaven.trust.TrustedPublishingSession;
import java.util.List;
import java.util.Optional;

/**
 * The token to upload with. A static API token never changes; a Trusted Publishing token is minted again when
 * it is about to expire, so callers ask for the token before every file.
 */
public interface UploadCredentials {

    /** The token for the next upload. */
    String token() throws CredentialsException;

    /** Where the token comes from, for the log: never the token itself. */
    String source();

    /** Things found on the way that are likely to go wrong later, each a complete sentence; none for a static token. */
    default List<String> warnings() {
        return List.of();
    }

    /** The Trusted Publishing session behind the token (its CI identity); empty for an API token. */
    default Optional<TrustedPublishingSession> trustedPublishing() {
        return Optional.empty();
    }
}
