package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

class SharedHttpClientsTest {

    /** Counts the clients it builds, and the threads it builds them on. */
    private static final class CountingFactory extends HttpClientFactory {
        final List<String> threads = new ArrayList<>();
        RuntimeException failure;

        @Override
        public synchronized CloseableHttpClient create(HttpSettings settings) {
            threads.add(Thread.currentThread().getName());
            if (failure != null) {
                throw failure;
            }
            return super.create(settings);
        }
    }

    @Test
    void aPreparedClientIsBuiltInTheBackgroundOnceAndReused() throws IOException {
        CountingFactory factory = new CountingFactory();
        HttpSettings settings = HttpSettings.defaults();
        try (SharedHttpClients clients = new SharedHttpClients(factory)) {
            clients.prepare(settings);
            clients.prepare(settings);
            CloseableHttpClient first = clients.get(settings);
            assertSame(first, clients.get(settings));
            assertEquals(List.of("pypi-http-setup-1"), factory.threads);
        }
    }

    @Test
    void aClientNotPreparedIsBuiltWhenAskedForAndEachSettingsHasItsOwn() throws IOException {
        CountingFactory factory = new CountingFactory();
        HttpSettings other = HttpSettings.defaults().withResponseTimeout(Duration.ofSeconds(2));
        try (SharedHttpClients clients = new SharedHttpClients(factory)) {
            CloseableHttpClient first = clients.get(HttpSettings.defaults());
            assertNotEquals(first, clients.get(other));
            assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), factory.threads);
        }
    }

    @Test
    void aFailureToBuildInTheBackgroundIsThrownWhenTheClientIsNeededAsIfBuiltThere() throws IOException {
        CountingFactory factory = new CountingFactory();
        factory.failure = new IllegalArgumentException("trustStore 'x.p12' cannot be used");
        HttpSettings settings = HttpSettings.defaults();
        try (SharedHttpClients clients = new SharedHttpClients(factory)) {
            clients.prepare(settings);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clients.get(settings));
            assertSame(factory.failure, e);
        }
    }

    @Test
    void closingWithAPreparedClientThatWasNeverUsedWaitsForItAndClosesIt() throws IOException {
        CountingFactory factory = new CountingFactory();
        SharedHttpClients clients = new SharedHttpClients(factory);
        clients.prepare(HttpSettings.defaults());
        clients.close(); // the files failed their checks: nothing was sent, and the client is closed all the same
        assertEquals(1, factory.threads.size());
    }
}
