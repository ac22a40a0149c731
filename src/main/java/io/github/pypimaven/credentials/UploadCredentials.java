package io.github.pypimaven.credentials;

/**
 * The token to upload with. A static API token never changes; a Trusted Publishing token is minted again when
 * it is about to expire, so callers ask for the token before every file.
 */
public interface UploadCredentials {

    /** The token for the next upload. */
    String token() throws CredentialsException;

    /** Where the token comes from, for the log: never the token itself. */
    String source();
}
