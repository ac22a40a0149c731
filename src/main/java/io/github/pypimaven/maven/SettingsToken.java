package io.github.pypimaven.maven;

import io.github.pypimaven.credentials.StaticToken;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads the API token from a settings.xml {@code <server>}, decrypting a Maven-encrypted password. */
final class SettingsToken {

    private SettingsToken() {}

    static Optional<StaticToken> read(Settings settings, String serverId, SettingsDecrypter decrypter) throws MojoFailureException {
        Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        String where = "settings.xml server '" + serverId + "'";
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        Optional<String> errors = SettingsDecryption.errors(result);
        if (errors.isPresent()) {
            throw new MojoFailureException("Could not decrypt the password of " + where + ": " + errors.get()
                    + ". Check ~/.m2/settings-security.xml (or -Dsettings.security) and the encrypted password.");
        }
        Server decrypted = result.getServer();
        String username = decrypted.getUsername();
        if (username != null && !username.isBlank() && !username.strip().equals("__token__")) {
            throw new MojoFailureException(where + " has the username '" + username + "', but PyPI accepts only API tokens:"
                    + " set <username>__token__</username> (or remove it) and put the API token in <password>.");
        }
        String password = decrypted.getPassword();
        if (password == null || password.isBlank()) {
            throw new MojoFailureException(where + " has no password: put the API token in its <password>"
                    + " (encrypt it with mvn --encrypt-password), or remove the server to use another credential source.");
        }
        return Optional.of(new StaticToken(password, where));
    }
}
