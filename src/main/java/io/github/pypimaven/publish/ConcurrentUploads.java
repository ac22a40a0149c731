package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.threads.DaemonThreads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the files of an {@link UploadSchedule}, up to {@code parallelUploads} at a time within a stage. The first
 * failure stops everything that has not started: no new upload begins, the uploads already running end (an upload
 * cut off half-way helps no one), and the outcome says which files went up, which failed and which never started.
 */
final class ConcurrentUploads {

    /** Sends one file; any exception is that file's failure. */
    interface Sender {
        void send(Distribution file) throws Exception;
    }

    /** A file that could not be uploaded, and why. */
    record Failure(Distribution file, Exception cause) {
    }

    /**
     * @param uploaded   the files the index took, in the order they were answered
     * @param failures   the files the index did not take, in the order they failed
     * @param notStarted the files not sent because of a failure, in schedule order
     */
    record Outcome(List<Distribution> uploaded, List<Failure> failures, List<Distribution> notStarted) {

        Outcome {
            uploaded = List.copyOf(uploaded);
            failures = List.copyOf(failures);
            notStarted = List.copyOf(notStarted);
        }
    }

    private final int parallelUploads;

    ConcurrentUploads(int parallelUploads) {
        this.parallelUploads = parallelUploads;
    }

    Outcome run(UploadSchedule schedule, Sender sender) {
        List<Distribution> uploaded = Collections.synchronizedList(new ArrayList<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        // The schedule's own instances, by identity: a Distribution's equals compares its whole contents list.
        Set<Distribution> started = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        ExecutorService pool = parallelUploads > 1
                ? Executors.newFixedThreadPool(parallelUploads, DaemonThreads.named("pypi-upload")) : null;
        try {
            for (List<Distribution> stage : schedule.stages()) {
                if (!failures.isEmpty()) {
                    break;
                }
                if (pool == null || stage.size() == 1) {
                    for (Distribution file : stage) {
                        if (failures.isEmpty()) {
                            started.add(file);
                            send(sender, file, uploaded, failures);
                        }
                    }
                    continue;
                }
                List<Future<?>> running = new ArrayList<>();
                for (Distribution file : stage) {
                    running.add(pool.submit(() -> {
                        if (failures.isEmpty()) { // checked when a thread is free, so a failure stops what is queued
                            started.add(file);
                            send(sender, file, uploaded, failures);
                        }
                    }));
                }
                awaitAll(running);
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        List<Distribution> notStarted = schedule.files().stream().filter(f -> !started.contains(f)).toList();
        return new Outcome(uploaded, failures, notStarted);
    }

    private static void send(Sender sender, Distribution file, List<Distribution> uploaded, List<Failure> failures) {
        try {
            sender.send(file);
            uploaded.add(file);
        } catch (Exception e) {
            failures.add(new Failure(file, e));
        }
    }

    /** Waits for every upload of a stage; an interrupt does not cut them off (their outcome must be known). */
    private static void awaitAll(List<Future<?>> running) {
        boolean interrupted = false;
        for (Future<?> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("An upload thread failed: " + e.getCause(), e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
