package io.github.pypimaven.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The HTTP clients of one run: one per distinct {@link HttpSettings}, so every release of a reactor that publishes at
 * the end reuses the same connections (no new TLS handshake per module or per file). Closed when the run ends.
 * Not thread-safe: the run asks for clients from one thread; the clients themselves are.
 */
public final class SharedHttpClients implements AutoCloseable {

    private final HttpClientFactory factory;
    private final Map<HttpSettings, CloseableHttpClient> clients = new LinkedHashMap<>();

    public SharedHttpClients(HttpClientFactory factory) {
        this.factory = factory;
    }

    public CloseableHttpClient get(HttpSettings settings) {
        return clients.computeIfAbsent(settings, factory::create);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CloseableHttpClient client : clients.values()) {
            try {
                client.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        clients.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
