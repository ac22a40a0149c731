package io.github.pypimaven.credentials;

import java.util.Optional;

/**
 * The names of the environment variables that hold a private index's user name and password (the
 * {@code usernameEnvName} and {@code passwordEnvName} settings): both or neither, never a value.
 */
public record PasswordVariables(String usernameEnvName, String passwordEnvName) {

    static final String USERNAME_SETTING = "usernameEnvName (pypi.usernameEnvName)";
    static final String PASSWORD_SETTING = "passwordEnvName (pypi.passwordEnvName)";

    /**
     * @throws IllegalArgumentException when only one of the two is set
     */
    public static Optional<PasswordVariables> of(String usernameEnvName, String passwordEnvName) {
        Optional<String> user = Optional.ofNullable(usernameEnvName).map(String::strip).filter(n -> !n.isEmpty());
        Optional<String> password = Optional.ofNullable(passwordEnvName).map(String::strip).filter(n -> !n.isEmpty());
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException((user.isPresent() ? USERNAME_SETTING : PASSWORD_SETTING) + " is set, but "
                    + (user.isPresent() ? PASSWORD_SETTING : USERNAME_SETTING) + " is not: set both to the names of the"
                    + " variables holding the index's user name and password (for an API token alone, use tokenEnvName).");
        }
        return user.map(u -> new PasswordVariables(u, password.get()));
    }

    /** How messages name where the credentials came from. */
    String source() {
        return "environment variables " + usernameEnvName + " and " + passwordEnvName + " (usernameEnvName,"
                + " passwordEnvName)";
    }
}
