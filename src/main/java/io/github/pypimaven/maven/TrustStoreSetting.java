package io.github.pypimaven.maven;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.ServerCredentials;
import io.github.pypimaven.http.TrustStore;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Reads the {@code trustStore} setting with its password when the goal starts, so that a missing file or a wrong
 * password fails before anything is sent. {@code trustStorePassword} says where the password is ({@code env:NAME} or
 * {@code server:ID}), never what it is: a POM is no place for a secret.
 */
final class TrustStoreSetting {

    static final String PASSWORD_SETTING = "trustStorePassword (pypi.trustStorePassword)";

    private TrustStoreSetting() {}

    static Optional<TrustStore> read(String trustStore, String passwordReference, Path baseDirectory, Settings settings,
            SettingsDecrypter decrypter, Environment environment) throws MojoFailureException {
        if (trustStore == null || trustStore.isBlank()) {
            return Optional.empty();
        }
        String file = trustStore.strip();
        String reference = passwordReference == null ? "" : passwordReference.strip();
        String source = "no password";
        Optional<char[]> password = Optional.empty();
        if (reference.startsWith("env:") && reference.length() > 4) {
            String name = reference.substring(4).strip();
            source = "environment variable " + name;
            password = Optional.of(environment.get(name).orElseThrow(() -> new MojoFailureException(PASSWORD_SETTING
                    + " names the environment variable " + name + ", which is not set: set it to the password of " + file
                    + ", or remove the setting (a PEM file needs no password).")).toCharArray());
        } else if (reference.startsWith("server:") && reference.length() > 7) {
            String id = reference.substring(7).strip();
            ServerCredentials server = SettingsServer.read(settings, id, decrypter, "the password of " + file)
                    .orElseThrow(() -> new MojoFailureException(PASSWORD_SETTING + " names the settings.xml server '" + id
                            + "', which is not in settings.xml: add a <server> with that <id> and the trust store's"
                            + " <password>, or remove the setting (a PEM file needs no password)."));
            source = server.source();
            password = Optional.of(server.password().toCharArray());
        } else if (!reference.isEmpty()) {
            // never echoed: what was written there may be the password itself
            throw new MojoFailureException(PASSWORD_SETTING + " must say where the password of " + file + " is, never"
                    + " hold it: env:NAME for an environment variable, or server:ID for the <password> of a settings.xml"
                    + " server.");
        }
        try {
            return Optional.of(TrustStore.load(baseDirectory.resolve(file), password, source));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
