package io.github.pypimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.http.ProxySettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Settings.xml passwords through Maven's own decrypter, with the master password of the ITs
 * (src/it/settings-security.xml) or without one: the token and the proxy report failures the same way.
 */
class SettingsDecryptionTest {

    /** The IT token, encrypted as src/it/settings.xml has it. */
    private static final String ENCRYPTED = "{I0c4n80kB+sHlvQrhTDnpkv9udmQV+M1yEoalEzg8cI6Z9fk8A3MLEftP3I8ST05}";
    private static final String TOKEN = "pypi-it-encrypted-secret-7c1d";
    private static final Path MASTER = Path.of("src", "it", "settings-security.xml");

    @TempDir
    Path tmp;

    @Test
    void anEncryptedTokenIsDecrypted() throws Exception {
        assertEquals(TOKEN, SettingsServer.read(server(ENCRYPTED), "pypi", decrypter(MASTER), "the token").orElseThrow().password());
    }

    @Test
    void aPlainTokenNeedsNoMasterPassword() throws Exception {
        assertEquals(TOKEN, SettingsServer.read(server(TOKEN), "pypi", decrypter(tmp.resolve("none.xml")), "the token").orElseThrow().password());
    }

    @Test
    void aTokenThatCannotBeDecryptedNamesTheServerAndWhatToCheck() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> SettingsServer.read(server(ENCRYPTED), "pypi", decrypter(tmp.resolve("none.xml")), "the token"));

        String message = e.getMessage();
        assertTrue(message.startsWith("Could not decrypt the password of settings.xml server 'pypi': "), message);
        assertTrue(message.endsWith(". Check ~/.m2/settings-security.xml (or -Dsettings.security) and the encrypted password."), message);
        assertFalse(message.contains(TOKEN), message);
    }

    @Test
    void aPrivateIndexsUserAndEncryptedPasswordAreReadTogether() throws Exception {
        Settings settings = server(ENCRYPTED);
        settings.getServer("pypi").setUsername(" deployer ");
        var credentials = SettingsServer.read(settings, "pypi", decrypter(MASTER), "the password").orElseThrow();
        assertEquals(Optional.of("deployer"), credentials.username());
        assertEquals(TOKEN, credentials.password());
        assertFalse(credentials.toString().contains(TOKEN));
    }

    @Test
    void theTrustStorePasswordComesFromAServerOrAVariableNeverFromThePom() throws Exception {
        io.github.pypimaven.testing.CompanyCaIndex ca = io.github.pypimaven.testing.CompanyCaIndex.start(tmp);
        try {
            String store = ca.pkcs12().toString();
            Settings settings = server(io.github.pypimaven.testing.CompanyCaIndex.STORE_PASSWORD);
            io.github.pypimaven.ci.Environment env = new io.github.pypimaven.ci.Environment(Map.of("TRUST_PASSWORD",
                    io.github.pypimaven.testing.CompanyCaIndex.STORE_PASSWORD));
            assertEquals(1, TrustStoreSetting.read(store, "server:pypi", tmp, settings, decrypter(MASTER), env)
                    .orElseThrow().certificates().size());
            assertEquals(1, TrustStoreSetting.read(store, "env:TRUST_PASSWORD", tmp, new Settings(), decrypter(MASTER),
                    env).orElseThrow().certificates().size());
            assertEquals(Optional.empty(), TrustStoreSetting.read(" ", "env:X", tmp, settings, decrypter(MASTER), env));

            String plain = assertThrows(MojoFailureException.class, () -> TrustStoreSetting.read(store,
                    "the-password-itself", tmp, settings, decrypter(MASTER), env)).getMessage();
            assertTrue(plain.startsWith("trustStorePassword (pypi.trustStorePassword) must say where the password"),
                    plain);
            assertFalse(plain.contains("the-password-itself"), "a value that may be the password is never echoed");
            String unset = assertThrows(MojoFailureException.class, () -> TrustStoreSetting.read(store, "env:UNSET",
                    tmp, settings, decrypter(MASTER), env)).getMessage();
            assertTrue(unset.contains("names the environment variable UNSET, which is not set"), unset);
            String noServer = assertThrows(MojoFailureException.class, () -> TrustStoreSetting.read(store,
                    "server:nope", tmp, settings, decrypter(MASTER), env)).getMessage();
            assertTrue(noServer.contains("names the settings.xml server 'nope', which is not in settings.xml"),
                    noServer);
        } finally {
            ca.close();
        }
    }

    @Test
    void anEncryptedProxyPasswordIsDecrypted() throws Exception {
        Optional<ProxySettings> proxy = SettingsProxy.read(proxy(ENCRYPTED), decrypter(MASTER));

        assertEquals(TOKEN, proxy.orElseThrow().password());
    }

    @Test
    void aProxyPasswordThatCannotBeDecryptedNamesTheProxy() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> SettingsProxy.read(proxy(ENCRYPTED), decrypter(tmp.resolve("none.xml"))));

        assertTrue(e.getMessage().startsWith("Could not decrypt the password of the settings.xml proxy 'corp': "), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    private static SettingsDecrypter decrypter(Path settingsSecurity) {
        return new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), settingsSecurity.toString()));
    }

    private static Settings server(String password) {
        Server server = new Server();
        server.setId("pypi");
        server.setUsername("__token__");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    private static Settings proxy(String password) {
        Proxy proxy = new Proxy();
        proxy.setId("corp");
        proxy.setHost("127.0.0.1");
        proxy.setPort(3128);
        proxy.setUsername("proxy-user");
        proxy.setPassword(password);
        Settings settings = new Settings();
        settings.addProxy(proxy);
        return settings;
    }
}
