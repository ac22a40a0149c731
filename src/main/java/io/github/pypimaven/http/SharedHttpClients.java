package io.github.pypimaven.http;

import io.github.pypimaven.threads.DaemonThreads;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The HTTP clients of one run: one per distinct {@link HttpSettings}, so every release of a reactor that publishes at
 * the end reuses the same connections (no new TLS handshake per module or per file). Closed when the run ends.
 * A client can be {@linkplain #prepare prepared} in the background while the files are checked: in the fresh JVM of a
 * {@code mvn} run, building the first client is mostly loading HttpClient's classes, which then costs no time of its
 * own. Not thread-safe: the run asks for clients from one thread; the clients themselves are.
 */
public final class SharedHttpClients implements AutoCloseable {

    private final HttpClientFactory factory;
    private final Map<HttpSettings, CompletableFuture<CloseableHttpClient>> clients = new LinkedHashMap<>();

    public SharedHttpClients(HttpClientFactory factory) {
        this.factory = factory;
    }

    /** Starts building the client for {@code settings} on a thread of its own, unless it is built or being built. */
    public void prepare(HttpSettings settings) {
        clients.computeIfAbsent(settings, s -> CompletableFuture.supplyAsync(() -> factory.create(s), background()));
    }

    /** The client for {@code settings}: the prepared one, or one built now. */
    public CloseableHttpClient get(HttpSettings settings) {
        CompletableFuture<CloseableHttpClient> client = clients.computeIfAbsent(settings,
                s -> CompletableFuture.completedFuture(factory.create(s)));
        try {
            return client.join();
        } catch (CompletionException e) {
            clients.remove(settings);
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // as if it had been built here
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CompletableFuture<CloseableHttpClient> client : clients.values()) {
            try {
                CloseableHttpClient built = client.exceptionally(e -> null).join();
                if (built != null) {
                    built.close();
                }
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

    /** One thread per prepared client: it ends when the client is built. */
    private static Executor background() {
        return task -> DaemonThreads.named("pypi-http-setup").newThread(task).start();
    }
}
