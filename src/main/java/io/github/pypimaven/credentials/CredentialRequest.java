package io.github.pypimaven.credentials;

import io.github.pypimaven.ci.Environment;
import java.util.Optional;

/**
 * Everything the user configured about credentials.
 *
 * @param mode the {@code trustedPublishing} setting
 * @param settingsToken the password of the settings.xml server, already decrypted, if that server exists
 * @param tokenEnvName the name of the environment variable that may hold a token
 * @param environment the process environment
 * @param oidcAudience the {@code oidcAudience} setting: the Trusted Publishing audience of an index that is not one
 *     of the known ones (those have theirs pinned)
 */
public record CredentialRequest(TrustedPublishingMode mode, Optional<StaticToken> settingsToken, String tokenEnvName,
        Environment environment, Optional<String> oidcAudience) {

    /** Without an {@code oidcAudience}: Trusted Publishing then only for the known indexes. */
    public CredentialRequest(TrustedPublishingMode mode, Optional<StaticToken> settingsToken, String tokenEnvName,
            Environment environment) {
        this(mode, settingsToken, tokenEnvName, environment, Optional.empty());
    }

    public CredentialRequest {
        oidcAudience = oidcAudience.map(String::strip).filter(a -> !a.isEmpty());
    }

    /** The configured API token, if any: the settings.xml server first, then the environment variable. */
    public Optional<StaticToken> configuredToken() {
        if (settingsToken.isPresent()) {
            return settingsToken;
        }
        return environment.get(tokenEnvName).map(value -> new StaticToken(value, "environment variable " + tokenEnvName));
    }
}
