package io.github.pypimaven.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS index on 127.0.0.1 whose certificate no Java runtime trusts, as an index behind a company CA looks from
 * outside the company: a self-signed certificate (its own CA) made with the JDK's keytool, and trust stores holding it
 * in the forms the {@code trustStore} setting reads (PKCS12 with a password, PEM). Every request gets 404.
 */
public final class CompanyCaIndex implements AutoCloseable {

    public static final String STORE_PASSWORD = "trust-store-password-51c3";
    private static final String SERVER_PASSWORD = "server-key-password";

    private final HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Path pkcs12;
    private final Path pem;

    private CompanyCaIndex(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path serverStore = dir.resolve("server.p12");
        keytool(dir, "-genkeypair", "-alias", "index", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Company Index CA", "-ext", "SAN=ip:127.0.0.1", "-ext", "BC:c=ca:true", "-validity", "2",
                "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", SERVER_PASSWORD);
        pem = dir.resolve("company-ca.pem");
        keytool(dir, "-exportcert", "-rfc", "-alias", "index", "-keystore", serverStore.toString(), "-storepass",
                SERVER_PASSWORD, "-file", pem.toString());
        pkcs12 = dir.resolve("company-ca.p12");
        keytool(dir, "-importcert", "-noprompt", "-alias", "company-ca", "-file", pem.toString(), "-keystore",
                pkcs12.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        KeyStore keys = KeyStore.getInstance(serverStore.toFile(), SERVER_PASSWORD.toCharArray());
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, SERVER_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    /** Makes the certificate and the trust stores in {@code dir}, and starts the server. */
    public static CompanyCaIndex start(Path dir) throws Exception {
        return new CompanyCaIndex(dir);
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A PKCS12 trust store holding the CA, with {@link #STORE_PASSWORD}. */
    public Path pkcs12() {
        return pkcs12;
    }

    /** The CA certificate as PEM. */
    public Path pem() {
        return pem;
    }

    /** Requests that got through the TLS handshake. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void keytool(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(arguments));
        ExternalCommand.Result result = ExternalCommand.run(command, Map.of(), dir, 60);
        if (!result.ok()) {
            throw new IOException("keytool failed: " + result.output());
        }
    }
}
