package io.github.pypimaven.credentials;

import java.util.Optional;

/**
 * What a settings.xml {@code <server>} holds, its password already decrypted: whether it is an API token or a private
 * index's user and password depends on the index ({@link ConfiguredCredentials}).
 *
 * @param username the {@code <username>}, if set and not blank
 * @param password the {@code <password>}; never printed ({@link #toString()} hides it)
 * @param source "settings.xml server 'pypi'"
 */
public record ServerCredentials(Optional<String> username, String password, String source) {

    public ServerCredentials {
        username = username.map(String::strip).filter(u -> !u.isEmpty());
    }

    /** A server holding an API token: no user name, or {@code __token__}. */
    public static ServerCredentials token(String token, String source) {
        return new ServerCredentials(Optional.empty(), token, source);
    }

    @Override
    public String toString() {
        return "ServerCredentials[source=" + source + ", username=" + username.orElse("") + ", password=***]";
    }
}
