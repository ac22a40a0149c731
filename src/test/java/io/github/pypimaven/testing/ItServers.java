package io.github.pypimaven.testing;

import io.github.pypimaven.testing.pypi.FakePyPI;
import java.io.IOException;

/**
 * The fake servers of the invoker ITs, one of each at a time. An IT whose build ends unexpectedly never reaches
 * its verify script, so the next IT's setup closes whatever the previous one left running on the port.
 */
public final class ItServers {

    private static FakePyPI pypi;

    private ItServers() {}

    /** A fresh fake PyPI on the port, accepting the given API tokens. */
    public static synchronized FakePyPI pypi(int port, String... tokens) throws IOException {
        if (pypi != null) {
            pypi.close();
        }
        pypi = FakePyPI.start(port);
        for (String token : tokens) {
            pypi.acceptToken(token);
        }
        return pypi;
    }

    public static synchronized void closeAll() {
        if (pypi != null) {
            pypi.close();
            pypi = null;
        }
    }
}
