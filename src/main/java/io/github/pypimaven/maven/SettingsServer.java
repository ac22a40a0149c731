package io.github.pypimaven.maven;

import io.github.pypimaven.credentials.ServerCredentials;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads a settings.xml {@code <server>}'s user name and password, decrypting a Maven-encrypted password. Whether they
 * are an API token or a private index's account is decided with the index ({@code ConfiguredCredentials}).
 */
final class SettingsServer {

    private SettingsServer() {}

    /**
     * @param what what the password is, for the message when it is missing: "the API token (or the index's password)"
     */
    static Optional<ServerCredentials> read(Settings settings, String serverId, SettingsDecrypter decrypter, String what)
            throws MojoFailureException {
        Server server = settings == null || serverId == null || serverId.isBlank() ? null : settings.getServer(serverId);
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
        String password = decrypted.getPassword();
        if (password == null || password.isBlank()) {
            throw new MojoFailureException(where + " has no password: put " + what + " in its <password>"
                    + " (encrypt it with mvn --encrypt-password), or remove the server to use another credential source.");
        }
        return Optional.of(new ServerCredentials(Optional.ofNullable(decrypted.getUsername()), password, where));
    }
}
