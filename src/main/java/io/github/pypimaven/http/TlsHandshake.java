package io.github.pypimaven.http;

import io.github.pypimaven.ci.ForeignText;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What a failed TLS handshake means for the user, in one place for every client of the plugin: a certificate this Java
 * runtime does not trust (usually a company CA, or a proxy that inspects TLS) names the host and the two ways to
 * trust it; a certificate for another name says to check the URL.
 */
public final class TlsHandshake {

    private TlsHandshake() {}

    /** One sentence (or two) about the failure to reach {@code host}, with what to do. */
    public static String describe(String host, SSLException e) {
        String reason = ForeignText.line(e.getMessage());
        if (e instanceof SSLPeerUnverifiedException) {
            return "The TLS certificate of " + host + " is not for that name (" + reason + "). Check the URL: it must"
                    + " name the host the certificate was issued for.";
        }
        if (untrusted(e)) {
            return "The TLS certificate of " + host + " is not trusted by this Java runtime (" + reason + "). If " + host
                    + " uses a certificate from a company CA (or a proxy that inspects TLS), trust that CA: with"
                    + " -Djavax.net.ssl.trustStore=<file> (and -Djavax.net.ssl.trustStorePassword) in MAVEN_OPTS when you"
                    + " can change the JVM's options, which also covers Maven's own downloads; otherwise with the"
                    + " plugin's trustStore (pypi.trustStore, a PKCS12, JKS or PEM file, trusted besides the JVM's"
                    + " authorities). If one of them is set already, it does not hold the CA that issued this"
                    + " certificate: add that CA to it.";
        }
        return "TLS failure with " + host + ": " + reason + ".";
    }

    private static boolean untrusted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof CertPathBuilderException
                    || cause instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }
}
