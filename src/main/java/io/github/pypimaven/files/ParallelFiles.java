package io.github.pypimaven.files;

import io.github.pypimaven.threads.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The one way the plugin spreads work on many files over the machine's cores: reading and checking distributions,
 * hashing them. That work is CPU-bound (inflating, hashing) and independent per file, so a release of many files is
 * read in about 1/cores of the time, while a release of one file costs no thread at all.
 */
public final class ParallelFiles {

    private ParallelFiles() {
    }

    /**
     * Applies {@code task} to every item, on at most as many threads as there are cores, and returns the results in
     * the items' order. An unchecked exception or error of a task is rethrown, after every task has ended.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> task) {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return items.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("pypi-files"));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    failure = failure != null ? failure : (RuntimeException) e.getCause();
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the distribution files", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
