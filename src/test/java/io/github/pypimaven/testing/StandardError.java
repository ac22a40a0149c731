package io.github.pypimaven.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a piece of code writes to standard error, where slf4j-simple logs during the tests. */
public final class StandardError {

    /** The code under test; it may throw. */
    public interface Action {
        void run() throws Exception;
    }

    /** What was logged, and what was thrown (null when nothing). */
    public record Captured(String log, Exception failure) {}

    private StandardError() {}

    public static Captured capture(Action action) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Exception failure = null;
        try {
            action.run();
        } catch (Exception e) {
            failure = e;
        } finally {
            System.setErr(original);
        }
        return new Captured(err.toString(StandardCharsets.UTF_8), failure);
    }
}
