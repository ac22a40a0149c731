package io.github.pypimaven.benchmark;

import io.github.pypimaven.testing.TreeDeletion;
import io.github.pypimaven.files.Sha256;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.UploadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Times the plugin, Debian's twine and curl sending the same generated files to the same server in one run, and
 * prints a table. Started by {@code benchmark/run}, which documents the options; the server is the fake PyPI as a
 * sink (it checks each file's sha256 against the form and stores nothing; see {@link FakePyPI#sink}).
 *
 * <p>The plugin's time is its own cost: the median of real {@code mvn deploy} runs of a small project minus the
 * median of the same runs with {@code -Dpypi.skip}, measured alternately. The tools of a case take turns, run by
 * run, so that none is timed against a sink or a page cache the others did not meet. Every tool's upload count is
 * checked against the sink's, so a tool that silently sent nothing cannot look fast.
 */
public final class Benchmark {

    static final String TOKEN = "pypi-benchmark-token";
    private static final String NAME = "bench";

    private final BenchmarkOptions options;
    private final FakePyPI sink;
    private final Path work;
    private final List<ResultTable.Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmark(BenchmarkOptions options, FakePyPI sink, Path work) {
        this.options = options;
        this.sink = sink;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Path work = Files.createTempDirectory("pypi-benchmark-");
        try (FakePyPI sink = FakePyPI.start(0).acceptToken(TOKEN).sink().maxFileSize(Long.MAX_VALUE)) {
            Benchmark benchmark = new Benchmark(options, sink, work);
            System.out.println(ResultTable.machine(options.pluginVersion()));
            if (options.runs(BenchmarkOptions.LARGE)) {
                benchmark.large();
            }
            if (options.runs(BenchmarkOptions.MANY)) {
                benchmark.many();
            }
            if (options.runs(BenchmarkOptions.LATENCY)) {
                benchmark.latency();
            }
            System.out.println();
            System.out.print(ResultTable.format(benchmark.rows));
            benchmark.notes.forEach(System.out::println);
        } finally {
            TreeDeletion.delete(work, "the benchmark's files");
        }
    }

    /**
     * One large wheel: the plugin, curl (given the digest: it hashes nothing), twine, and the least a fresh JVM that
     * hashes as it sends can do (see {@link MinimalJvmClient}).
     */
    private void large() throws Exception {
        Path dir = Files.createDirectories(work.resolve("large"));
        List<Path> files = List.of(BenchmarkWheels.wheel(dir, NAME, "1.0", options.largeMib()));
        String label = options.largeMib() % 1024 == 0 ? options.largeMib() / 1024 + " GiB wheel"
                : options.largeMib() + " MiB wheel";
        List<String> curl = curl(files.get(0));
        compare(label, files, List.of(plugin(files, Map.of(), "plugin"),
                tool("curl", files, () -> TimedRun.of(curl, Map.of(), work)), twine(files), minimalJvmClient(files)));
    }

    /**
     * Many wheels of one release: the plugin, twine, and the least a fresh JVM can do with the same files (see
     * {@link MinimalJvmClient}), which shows how much of the plugin's time the JVM alone costs.
     */
    private void many() throws Exception {
        Path dir = Files.createDirectories(work.resolve("many"));
        List<Path> files = BenchmarkWheels.platformWheels(dir, NAME, "2.0", options.manyCount(), 1);
        compare(files.size() + " wheels of 1 MiB", files, List.of(plugin(files, Map.of(), "plugin"), twine(files),
                minimalJvmClient(files)));
    }

    /** Wheels through a server that takes 50 ms to answer each upload: parallel and sequential uploads, and twine. */
    private void latency() throws Exception {
        Path dir = Files.createDirectories(work.resolve("latency"));
        List<Path> files = BenchmarkWheels.platformWheels(dir, NAME, "3.0", options.latencyCount(), 1);
        String label = files.size() + " wheels, " + options.latencyMillis() + " ms per answer";
        sink.processingDelay(Duration.ofMillis(options.latencyMillis()));
        try {
            compare(label, files, List.of(plugin(files, Map.of(), "plugin (parallelUploads 4)"),
                    plugin(files, Map.of("pypi.parallelUploads", "1"), "plugin (parallelUploads 1)"), twine(files)));
        } finally {
            sink.processingDelay(Duration.ZERO);
        }
    }

    /**
     * Times the tools of one case, their runs interleaved (one run of each in turn, {@code --runs} times, after one
     * warm-up run of each), so that every tool meets the sink, the page cache and the machine in the same state; the
     * first tool is the others' reference.
     */
    private void compare(String label, List<Path> files, List<Series> tools) throws Exception {
        for (Series tool : tools) {
            tool.warmUp();
        }
        for (int i = 0; i < options.runs(); i++) {
            for (Series tool : tools) {
                tool.runOnce();
            }
        }
        ResultTable.Row reference = null;
        for (Series tool : tools) {
            ResultTable.Row row = tool.row(label, bytes(files), reference);
            reference = reference == null ? row : reference;
            rows.add(row);
            notes.add(tool.note(label));
        }
    }

    /** One tool's runs in one case. */
    private interface Series {
        void warmUp() throws Exception;

        void runOnce() throws Exception;

        ResultTable.Row row(String label, long bytes, ResultTable.Row reference);

        /** Every run's time, in order, so that a noisy run shows as such. */
        String note(String label);
    }

    /**
     * The plugin's own cost: {@code mvn deploy} minus {@code mvn deploy -Dpypi.skip}, each the median of its runs (a
     * run of each, one after the other, per round).
     */
    private Series plugin(List<Path> files, Map<String, String> properties, String tool) {
        Path dir = files.get(0).getParent();
        List<TimedRun> deploys = new ArrayList<>();
        List<TimedRun> skips = new ArrayList<>();
        return new Series() {
            @Override
            public void warmUp() throws Exception {
                mvn(dir, properties, false); // the first run reads Maven's and the plugin's jars from disk
            }

            @Override
            public void runOnce() throws Exception {
                skips.add(counted(0, () -> mvn(dir, properties, true)));
                deploys.add(counted(files.size(), () -> mvn(dir, properties, false)));
            }

            @Override
            public ResultTable.Row row(String label, long bytes, ResultTable.Row reference) {
                TimedRun deploy = TimedRun.median(deploys);
                TimedRun skip = TimedRun.median(skips);
                return new ResultTable.Row(label, tool, deploy.seconds() - skip.seconds(), bytes, deploy.peakRssKib(),
                        reference);
            }

            @Override
            public String note(String label) {
                return String.format(Locale.ROOT, "%s, %s: mvn deploy %.2f s %s, with -Dpypi.skip %.2f s %s", label,
                        tool, TimedRun.median(deploys).seconds(), seconds(deploys), TimedRun.median(skips).seconds(),
                        seconds(skips));
            }
        };
    }

    /** Another tool: the median of its runs, each a whole process as a user would start it. */
    private Series tool(String tool, List<Path> files, Run run) {
        List<TimedRun> runs = new ArrayList<>();
        return new Series() {
            @Override
            public void warmUp() throws Exception {
                run.run();
            }

            @Override
            public void runOnce() throws Exception {
                runs.add(counted(files.size(), run));
            }

            @Override
            public ResultTable.Row row(String label, long bytes, ResultTable.Row reference) {
                TimedRun median = TimedRun.median(runs);
                return new ResultTable.Row(label, tool, median.seconds(), bytes, median.peakRssKib(), reference);
            }

            @Override
            public String note(String label) {
                return label + ", " + tool + ": " + seconds(runs);
            }
        };
    }

    private static String seconds(List<TimedRun> runs) {
        return runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.seconds()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private TimedRun mvn(Path dir, Map<String, String> properties, boolean skip) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-f",
                options.root().resolve("benchmark/project/pom.xml").toString(), "deploy",
                "-Dpypi.plugin.version=" + options.pluginVersion(), "-Dpypi.repositoryUrl=" + sink.uploadUrl(),
                "-Dpypi.distributions=" + dir.toAbsolutePath() + "/*.whl", "-Dpypi.skip=" + skip));
        options.mavenRepo().ifPresent(repo -> command.add("-Dmaven.repo.local=" + repo));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return TimedRun.of(command, Map.of("PYPI_API_TOKEN", TOKEN), work);
    }

    private Series twine(List<Path> files) {
        List<String> command = new ArrayList<>(List.of("twine", "upload", "--non-interactive",
                "--disable-progress-bar", "--repository-url", sink.uploadUrl(), "-u", "__token__", "-p", TOKEN));
        files.forEach(f -> command.add(f.toString()));
        // keyring: twine asks it for credentials it was given anyway; the null backend keeps that out of the timing
        Map<String, String> env = Map.of("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
        return tool("twine", files, () -> TimedRun.of(command, env, work));
    }

    /** {@link MinimalJvmClient} in a JVM of its own, up to 4 uploads at a time as the plugin's default. */
    private Series minimalJvmClient(List<Path> files) throws Exception {
        Path classes = Path.of(MinimalJvmClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classes.toString(), MinimalJvmClient.class.getName(), sink.uploadUrl(), TOKEN, "4"));
        files.forEach(f -> command.add(f.toString()));
        return tool("minimal JVM client", files, () -> TimedRun.of(command, Map.of(), work));
    }

    /** The form twine sends, fields first; {@code Expect:} off, as curl would wait a second for a 100 Continue. */
    private List<String> curl(Path file) throws IOException {
        String sha256 = Sha256.hex(file);
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail", "-o", "/dev/null", "-H", "Expect:",
                "-u", "__token__:" + TOKEN));
        for (String field : List.of(":action=file_upload", "protocol_version=1", "filetype=bdist_wheel",
                "pyversion=py3", "metadata_version=2.1", "name=" + NAME, "version=1.0", "sha256_digest=" + sha256)) {
            command.add("-F");
            command.add(field);
        }
        command.add("-F");
        command.add("content=@" + file + ";type=application/octet-stream");
        command.add(sink.uploadUrl());
        return command;
    }

    /** Runs and checks that the sink accepted exactly {@code expected} uploads during the run, and refused none. */
    private TimedRun counted(int expected, Run run) throws Exception {
        int before = sink.uploadRequests().size();
        TimedRun result = run.run();
        List<UploadRequest> requests = sink.uploadRequests();
        List<UploadRequest> these = requests.subList(before, requests.size());
        if (these.size() != expected || these.stream().anyMatch(r -> r.status() != 200)) {
            throw new IllegalStateException("Expected " + expected + " accepted uploads, the sink saw: " + these);
        }
        return result;
    }

    private static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private interface Run {
        TimedRun run() throws Exception;
    }
}
