package io.github.pypimaven.credentials;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.Optional;

/**
 * The credentials the user configured, in order: the settings.xml server, the user name and password variables, the
 * token variable. A user name of {@code __token__} (or none) means an API token; any other is a private index's
 * account, which PyPI and TestPyPI refuse (they take API tokens only), so for them it is an error before anything is
 * sent.
 */
final class ConfiguredCredentials {

    private ConfiguredCredentials() {}

    static Optional<StaticCredentials> find(CredentialRequest request, RemoteIndex index) throws CredentialsException {
        if (request.settingsServer().isPresent()) {
            ServerCredentials server = request.settingsServer().get();
            return Optional.of(of(server.username(), server.password(), server.source(), index, (user, known) ->
                    server.source() + " has the username '" + user + "', but " + known + " accepts only API tokens: set"
                            + " <username>__token__</username> (or remove it) and put the API token in <password>."));
        }
        Environment environment = request.environment();
        if (request.passwordVariables().isPresent()) {
            PasswordVariables names = request.passwordVariables().get();
            Optional<String> username = environment.get(names.usernameEnvName());
            Optional<String> password = environment.get(names.passwordEnvName());
            if (username.isPresent() && password.isPresent()) {
                return Optional.of(of(username, password.get(), names.source(), index, (user, known) ->
                        "The environment variable " + names.usernameEnvName() + " (usernameEnvName) holds the username '"
                                + user + "', but " + known + " accepts only API tokens: set it to __token__ and "
                                + names.passwordEnvName() + " to the API token, or use tokenEnvName."));
            }
            if (username.isPresent() || password.isPresent()) {
                throw new CredentialsException("The environment variable " + (username.isPresent()
                        ? names.usernameEnvName() + " (usernameEnvName) is set, but " + names.passwordEnvName()
                                + " (passwordEnvName)"
                        : names.passwordEnvName() + " (passwordEnvName) is set, but " + names.usernameEnvName()
                                + " (usernameEnvName)") + " is empty or not set: set both, or neither.");
            }
        }
        return environment.get(request.tokenEnvName())
                .map(value -> new ApiToken(value, "environment variable " + request.tokenEnvName()));
    }

    /** The message for a user name PyPI or TestPyPI refuses. */
    private interface Refusal {
        String message(String username, String index);
    }

    private static StaticCredentials of(Optional<String> username, String password, String source, RemoteIndex index,
            Refusal refusal) throws CredentialsException {
        if (username.isEmpty() || username.get().equals("__token__")) {
            return new ApiToken(password, source);
        }
        if (index.known().isPresent()) {
            throw new CredentialsException(refusal.message(username.get(), index.known().get().displayName()));
        }
        if (username.get().contains(":")) {
            // RFC 7617: the first colon ends the user name, so the index would read another user and password
            throw new CredentialsException("The username from " + source + " contains ':', which HTTP Basic"
                    + " authentication cannot carry.");
        }
        return new IndexPassword(username.get(), password, source);
    }
}
