package io.github.pypimaven.http;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * TLS set up when the first connection needs it, not when the client is built: the JVM's trust store is read and parsed
 * then (a fifth of a second in a fresh JVM), so a run that speaks only plain HTTP, to an index on this machine, never
 * pays for it, and a run over HTTPS pays once, as before.
 */
final class DeferredTls implements TlsSocketStrategy {

    private final Supplier<TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy strategy;

    DeferredTls(Supplier<TlsSocketStrategy> factory) {
        this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    /** The strategy, made on first use; a runtime that cannot make it fails this connection, with the reason. */
    private TlsSocketStrategy strategy() throws SSLException {
        TlsSocketStrategy current = strategy;
        if (current == null) {
            synchronized (this) {
                current = strategy;
                if (current == null) {
                    try {
                        current = factory.get();
                    } catch (IllegalStateException e) {
                        throw new SSLException(e.getMessage(), e);
                    }
                    strategy = current;
                }
            }
        }
        return current;
    }
}
