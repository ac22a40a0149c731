package io.github.pypimaven.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificates to trust besides the Java runtime's own, for indexes behind a company CA (the {@code trustStore}
 * setting): read once, where the setting is read, so that a missing file or a wrong password fails before anything is
 * sent. Every HTTPS connection of the plugin then trusts the runtime's authorities (its {@code cacerts}, or the
 * {@code javax.net.ssl.trustStore} it was started with) <em>and</em> these, in one PKIX check: a company CA can vouch
 * for the index while public services keep working.
 *
 * @param file where the certificates were read, for messages
 * @param certificates the certificates to trust, at least one
 */
public record TrustStore(Path file, List<X509Certificate> certificates) {

    public static final String SETTING = "trustStore (pypi.trustStore)";

    public TrustStore {
        certificates = List.copyOf(certificates);
    }

    /**
     * Reads a PKCS12 or JKS key store (the type is recognised from the file), or a PEM file of certificates.
     *
     * @param password the store's password, if any: PEM files have none, and a JKS store can be read without one
     * @param passwordSource where the password comes from, for messages ("environment variable TRUST_PASSWORD")
     * @throws IllegalArgumentException with a message that names the setting, the file and what to do
     */
    public static TrustStore load(Path file, Optional<char[]> password, String passwordSource) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(SETTING + " '" + file + "' is not a file: give the path of a PKCS12 or"
                    + " JKS trust store, or of a PEM file of CA certificates (relative paths resolve against the project"
                    + " directory).");
        }
        List<X509Certificate> certificates;
        try {
            certificates = isPem(file) ? pem(file) : keyStore(file, password.orElse(null));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(SETTING + " '" + file + "' could not be read: " + why(e, password,
                    passwordSource));
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(SETTING + " '" + file + "' holds no certificate" + (password.isEmpty()
                    ? " that can be read without a password: give its password with trustStorePassword"
                            + " (pypi.trustStorePassword): env:NAME or server:ID."
                    : ": add the CA certificate that signed the index's certificate (keytool -importcert)."));
        }
        return new TrustStore(file, certificates);
    }

    /** An SSL context that trusts the Java runtime's authorities and these certificates. */
    public SSLContext sslContext() {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate runtime : runtimeAuthorities()) {
                anchors.setCertificateEntry("runtime-" + n++, runtime);
            }
            for (X509Certificate configured : certificates) {
                anchors.setCertificateEntry("trust-store-" + n++, configured);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot build a TLS context with " + SETTING + " '" + file
                    + "': " + e.getMessage(), e);
        }
    }

    /** What the runtime trusts by default: its cacerts, or the {@code javax.net.ssl.trustStore} it was given. */
    private static List<X509Certificate> runtimeAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> authorities = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                Collections.addAll(authorities, x509.getAcceptedIssuers());
            }
        }
        return authorities;
    }

    private static boolean isPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----");
        }
    }

    private static List<X509Certificate> pem(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        }
    }

    private static List<X509Certificate> keyStore(Path file, char[] password) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.toFile(), password);
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                certificates.add(certificate);
            }
        }
        return certificates;
    }

    private static String why(Exception e, Optional<char[]> password, String passwordSource) {
        if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
            return password.isEmpty()
                    ? "it needs a password: say where it is with trustStorePassword (pypi.trustStorePassword),"
                            + " env:NAME or server:ID."
                    : "the password from " + passwordSource + " is not its password.";
        }
        return e.getMessage() + ". Use a PKCS12 or JKS trust store (keytool -importcert -keystore ...), or a PEM file"
                + " of CA certificates.";
    }
}
