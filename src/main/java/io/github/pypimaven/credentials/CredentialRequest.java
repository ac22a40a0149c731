package io.github.pypimaven.credentials;

import io.github.pypimaven.ci.Environment;
import java.util.Optional;

/**
 * Everything the user configured about credentials.
 *
 * @param mode the {@code trustedPublishing} setting
 * @param settingsServer the settings.xml server's user name and password (already decrypted), if that server exists
 * @param tokenEnvName the name of the environment variable that may hold an API token
 * @param passwordVariables the names of the environment variables holding a private index's user name and password,
 *     if configured
 * @param environment the process environment
 * @param oidcAudience the {@code oidcAudience} setting: the Trusted Publishing audience of an index that is not one
 *     of the known ones (those have theirs pinned)
 */
public record CredentialRequest(TrustedPublishingMode mode, Optional<ServerCredentials> settingsServer, String tokenEnvName,
        Optional<PasswordVariables> passwordVariables, Environment environment, Optional<String> oidcAudience) {

    /** Without password variables or an {@code oidcAudience}: Trusted Publishing then only for the known indexes. */
    public CredentialRequest(TrustedPublishingMode mode, Optional<ServerCredentials> settingsServer, String tokenEnvName,
            Environment environment) {
        this(mode, settingsServer, tokenEnvName, Optional.empty(), environment, Optional.empty());
    }

    /** Without password variables. */
    public CredentialRequest(TrustedPublishingMode mode, Optional<ServerCredentials> settingsServer, String tokenEnvName,
            Environment environment, Optional<String> oidcAudience) {
        this(mode, settingsServer, tokenEnvName, Optional.empty(), environment, oidcAudience);
    }

    public CredentialRequest {
        oidcAudience = oidcAudience.map(String::strip).filter(a -> !a.isEmpty());
    }
}
