package io.github.pypimaven.testing;

import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import io.github.pypimaven.testing.oidc.FakeTrustedPublishing;
import io.github.pypimaven.testing.pypi.FakePrivateIndex;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.IndexKind;
import io.github.pypimaven.testing.sigstore.FakeSigstore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The fake servers of the invoker ITs, one set at a time. An IT whose build ends unexpectedly never reaches its
 * verify script, so the next IT's setup closes whatever the previous one left running on the ports.
 */
public final class ItServers {

    private static FakePyPI pypi;
    private static FakeOidcIssuer issuer;
    private static FakeProxy proxy;
    private static HostileIndex hostile;
    private static FakeSigstore sigstore;
    private static FakePrivateIndex privateIndex;

    private ItServers() {}

    /** A fresh fake PyPI on the port, accepting the given API tokens. */
    public static synchronized FakePyPI pypi(Object port, String... tokens) throws IOException {
        closeAll();
        pypi = FakePyPI.start(Integer.parseInt(port.toString()));
        for (String token : tokens) {
            pypi.acceptToken(token);
        }
        return pypi;
    }

    /**
     * A fresh fake PyPI with Trusted Publishing (its {@code /_/oidc/} endpoints trust the fake issuer's key), and the
     * fake OIDC issuer serving the GitHub token endpoint and the Google metadata server with the key from
     * {@code fixtures/issuer.jwk}.
     */
    public static synchronized TrustedSetup trusted(Object pypiPort, Object oidcPort, Object fixtures, String githubRequestToken)
            throws IOException {
        FakePyPI index = pypi(pypiPort);
        issuer = FakeOidcIssuer.start(Integer.parseInt(oidcPort.toString()), Path.of(fixtures.toString(), "issuer.jwk"));
        issuer.githubRequestToken(githubRequestToken);
        FakeTrustedPublishing trust = FakeTrustedPublishing.forIndex(issuer.jwkSet(), index);
        index.handle("/_/oidc/", trust);
        return new TrustedSetup(index, issuer, trust);
    }

    /**
     * A fake Fulcio and Rekor on their ports, trusting the fake issuer of {@link #trusted} (started first), with their
     * {@code trusted_root.json} written to {@code trustedRoot}.
     */
    public static synchronized FakeSigstore sigstore(Object fulcioPort, Object rekorPort, Object trustedRoot)
            throws IOException {
        if (issuer == null) {
            throw new IllegalStateException("start the fake issuer first (ItServers.trusted)");
        }
        sigstore = FakeSigstore.start(issuer.jwkSet(), Integer.parseInt(fulcioPort.toString()),
                Integer.parseInt(rekorPort.toString()));
        sigstore.writeTrustedRoot(Path.of(trustedRoot.toString()));
        return sigstore;
    }

    /**
     * A fresh fake self-hosted index of the kind ({@code NEXUS}, {@code GITLAB}, ...: see {@link IndexKind}) on the fake
     * PyPI's port, with an account that may upload.
     */
    public static synchronized FakePrivateIndex privateIndex(Object port, String kind, String user, String password)
            throws IOException {
        closeAll();
        IndexKind chosen = IndexKind.all().stream().filter(k -> k.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index kind " + kind));
        privateIndex = FakePrivateIndex.start(chosen, Integer.parseInt(port.toString())).uploader(user, password);
        return privateIndex;
    }

    /** An index on the fake PyPI's port that answers everything with the same crafted answer. */
    public static synchronized HostileIndex hostile(Object port) throws IOException {
        closeAll();
        hostile = HostileIndex.start(Integer.parseInt(port.toString()));
        return hostile;
    }

    /** The forwarding proxy that src/it/settings-proxy-not-for-loopback.xml names (user it-proxy-user). */
    public static synchronized FakeProxy proxy(Object port) throws IOException {
        proxy = FakeProxy.start(Integer.parseInt(port.toString()), "it-proxy-user", "it-proxy-secret-e4d2");
        return proxy;
    }

    /**
     * Runs a verify script's checks ({@code ItServers.verify { -> ... }}: a closure without parameters, so the
     * checks may name a variable {@code it}) and then, pass or fail, closes the servers its setup started. Returns
     * true, which is what invoker wants a passing script to return.
     */
    public static boolean verify(Callable<?> checks) throws Exception {
        try {
            checks.call();
            return true;
        } finally {
            closeAll();
        }
    }

    public static synchronized void closeAll() {
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // closing a test proxy's socket; nothing to do
            }
            proxy = null;
        }
        if (pypi != null) {
            pypi.close();
            pypi = null;
        }
        if (issuer != null) {
            issuer.close();
            issuer = null;
        }
        if (hostile != null) {
            hostile.close();
            hostile = null;
        }
        if (sigstore != null) {
            sigstore.close();
            sigstore = null;
        }
        if (privateIndex != null) {
            privateIndex.close();
            privateIndex = null;
        }
    }

    /** What a Trusted Publishing IT talks to. */
    public record TrustedSetup(FakePyPI pypi, FakeOidcIssuer issuer, FakeTrustedPublishing trustedPublishing) {}
}
