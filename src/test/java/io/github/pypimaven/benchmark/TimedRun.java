package io.github.pypimaven.benchmark;

import io.github.pypimaven.testing.ExternalCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of an external command under GNU time ({@code /usr/bin/time}), which reports the peak resident set size of
 * the process and its children; the wall time is measured around it.
 *
 * @param seconds wall time
 * @param peakRssKib the largest resident set of the process or any of its children, in KiB
 */
record TimedRun(double seconds, long peakRssKib) {

    private static final long TIMEOUT_SECONDS = 1800;

    /** Runs the command; a failure ends the benchmark with the command's output. */
    static TimedRun of(List<String> command, Map<String, String> environment, Path workDir) throws IOException,
            InterruptedException {
        Path rss = Files.createTempFile("benchmark-rss", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
            timed.addAll(command);
            long start = System.nanoTime();
            ExternalCommand.Result result = ExternalCommand.run(timed, environment, workDir, TIMEOUT_SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.ok()) {
                throw new IllegalStateException("Benchmark command failed (exit " + result.exitCode() + "): "
                        + String.join(" ", command) + "\n" + tail(result.output()));
            }
            return new TimedRun(seconds, Long.parseLong(Files.readString(rss, StandardCharsets.UTF_8).strip()));
        } finally {
            Files.deleteIfExists(rss);
        }
    }

    /** The median of several runs' times, and of their peak RSS. */
    static TimedRun median(List<TimedRun> runs) {
        List<Double> times = runs.stream().map(TimedRun::seconds).sorted().toList();
        List<Long> rss = runs.stream().map(TimedRun::peakRssKib).sorted().toList();
        return new TimedRun(times.get(times.size() / 2), rss.get(rss.size() / 2));
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }
}
