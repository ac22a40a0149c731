package io.github.pypimaven.maven;

import io.github.pypimaven.http.ProxySettings;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads the active settings.xml {@code <proxy>}, decrypting its password, as Maven itself uses it for downloads. */
final class SettingsProxy {

    private SettingsProxy() {}

    static Optional<ProxySettings> read(Settings settings, SettingsDecrypter decrypter) throws MojoFailureException {
        Proxy proxy = settings == null ? null : settings.getActiveProxy();
        if (proxy == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        Optional<String> errors = SettingsDecryption.errors(result);
        if (errors.isPresent()) {
            throw new MojoFailureException("Could not decrypt the password of the settings.xml proxy '" + proxy.getId()
                    + "': " + errors.get());
        }
        Proxy decrypted = result.getProxy();
        try {
            return Optional.of(new ProxySettings(decrypted.getProtocol(), decrypted.getHost(), decrypted.getPort(),
                    decrypted.getUsername(), decrypted.getPassword(), decrypted.getNonProxyHosts()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + " (proxy id '" + proxy.getId() + "'): fix it in settings.xml.");
        }
    }
}
