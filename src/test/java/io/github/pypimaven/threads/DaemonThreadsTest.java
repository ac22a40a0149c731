package io.github.pypimaven.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void daemonsNumberedUnderTheirPrefix() {
        ThreadFactory factory = DaemonThreads.named("pypi-test");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });

        assertEquals("pypi-test-1", first.getName());
        assertEquals("pypi-test-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon(), "no thread of the plugin keeps Maven's JVM alive");
        assertEquals("pypi-test-1", DaemonThreads.named("pypi-test").newThread(() -> { }).getName(),
                "each factory counts from 1");
    }
}
