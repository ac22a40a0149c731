package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

class DeferredTlsTest {

    @Test
    void theStrategyIsMadeOnTheFirstUpgradeAndOnlyOnceWhateverTheThreads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        TlsSocketStrategy made1 = (socket, target, port, attachment, context) -> null;
        DeferredTls tls = new DeferredTls(() -> {
            made.incrementAndGet();
            return made1;
        });
        assertEquals(0, made.get(), "nothing is made before a connection needs TLS");

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    tls.upgrade(new Socket(), "example.org", 443, null, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, made.get());
    }

    @Test
    void aRuntimeThatCannotMakeTlsFailsTheConnectionWithTheReason() {
        DeferredTls tls = new DeferredTls(() -> {
            throw new IllegalStateException("This Java runtime cannot build a TLS context with trustStore 'x.p12': no");
        });
        SSLException e = assertThrows(SSLException.class,
                () -> tls.upgrade(new Socket(), "example.org", 443, null, null));
        assertTrue(e.getMessage().contains("trustStore 'x.p12'"), e.getMessage());
    }

    @Test
    void theStrategyIsTheOneMade() throws Exception {
        SSLSocket expected = null;
        TlsSocketStrategy inner = (socket, target, port, attachment, context) -> expected;
        DeferredTls tls = new DeferredTls(() -> inner);
        assertSame(expected, tls.upgrade(new Socket(), "example.org", 443, null, null));
    }
}
