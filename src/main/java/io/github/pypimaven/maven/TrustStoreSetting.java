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
 * Reads the {@code trustStore} setting with its password (a settings.xml server's, or an environment variable's,
 * never a value in the POM), when the goal starts: a missing file or a wrong password fails before anything is sent.
 */
final class TrustStoreSetting {

    private TrustStoreSetting() {}

    static Optional<TrustStore> read(String trustStore, String serverId, String passwordEnvName, Path baseDirectory,
            Settings settings, SettingsDecrypter decrypter, Environment environment) throws MojoFailureException {
        if (trustStore == null || trustStore.isBlank()) {
            return Optional.empty();
        }
        Optional<ServerCredentials> server = SettingsServer.read(settings, serverId, decrypter,
                "the trust store's password");
        String source = "no password";
        Optional<char[]> password = Optional.empty();
        if (server.isPresent()) {
            source = server.get().source();
            password = Optional.of(server.get().password().toCharArray());
        } else if (passwordEnvName != null && !passwordEnvName.isBlank()) {
            String name = passwordEnvName.strip();
            source = "environment variable " + name;
            password = Optional.of(environment.get(name).orElseThrow(() -> new MojoFailureException(
                    "trustStorePasswordEnvName (pypi.trustStorePasswordEnvName) names the environment variable " + name
                            + ", which is not set: set it to the password of " + trustStore.strip() + ", or remove the"
                            + " setting (a PEM file needs no password).")).toCharArray());
        }
        try {
            return Optional.of(TrustStore.load(baseDirectory.resolve(trustStore.strip()), password, source));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
