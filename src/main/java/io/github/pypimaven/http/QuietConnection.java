package io.github.pypimaven.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP/1.1 client connection that never logs what it sends or receives.
 *
 * <p>HttpClient's own connection writes every header and every body byte to the SLF4J loggers
 * {@code org.apache.hc.client5.http.headers} and {@code .wire} at DEBUG, and {@code mvn -X} turns DEBUG on for
 * every logger. That would print the {@code Authorization} header (the upload token) and the whole
 * distribution file. This connection has the same behaviour without those loggers.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

    private volatile Socket socket;
    private volatile Timeout activeTimeout;

    QuietConnection(Http1Config config) {
        super(config);
    }

    @Override
    public void bind(Socket socket) throws IOException {
        this.socket = socket;
        super.bind(socket);
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        this.socket = sslSocket;
        super.bind(sslSocket, socket);
    }

    @Override
    public Socket getSocket() {
        return socket;
    }

    @Override
    public SSLSession getSSLSession() {
        return socket instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    /**
     * Back in the pool: no read timeout while idle (zero means none; nothing reads an idle connection, and the
     * stale check sets its own), as HttpClient's own connection does. {@link #activate()} restores the timeout the
     * connection had when it was last in use.
     */
    @Override
    public void passivate() {
        activeTimeout = getSocketTimeout();
        setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        if (activeTimeout != null) {
            setSocketTimeout(activeTimeout);
        }
    }
}
