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
import java.util.Map;

/**
 * Times the plugin, Debian's twine and curl sending the same generated files to the same server in one run, and
 * prints a table. Started by {@code benchmark/run}, which documents the options; the server is the fake PyPI as a
 * sink (it checks each file's sha256 against the form and stores nothing; see {@link FakePyPI#sink}).
 *
 * <p>The plugin's time is its own cost: the median of real {@code mvn deploy} runs of a small project minus the
 * median of the same runs with {@code -Dpypi.skip}, measured alternately. Every tool's upload count is checked
 * against the sink's, so a tool that silently sent nothing cannot look fast.
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

    /** One large wheel: the plugin, curl and twine. */
    private void large() throws Exception {
        Path dir = Files.createDirectories(work.resolve("large"));
        List<Path> files = List.of(BenchmarkWheels.wheel(dir, NAME, "1.0", options.largeMib()));
        String label = options.largeMib() % 1024 == 0 ? options.largeMib() / 1024 + " GiB wheel"
                : options.largeMib() + " MiB wheel";
        ResultTable.Row plugin = plugin(label, files, Map.of(), "plugin");
        rows.add(plugin);
        rows.add(measure(label, "curl", files, plugin, () -> TimedRun.of(curl(files.get(0)), Map.of(), work)));
        rows.add(twine(label, files, plugin));
    }

    /** Many wheels of one release: the plugin and twine. */
    private void many() throws Exception {
        Path dir = Files.createDirectories(work.resolve("many"));
        List<Path> files = BenchmarkWheels.platformWheels(dir, NAME, "2.0", options.manyCount(), 1);
        String label = files.size() + " wheels of 1 MiB";
        ResultTable.Row plugin = plugin(label, files, Map.of(), "plugin");
        rows.add(plugin);
        rows.add(twine(label, files, plugin));
    }

    /** Wheels through a server that takes 50 ms to answer each upload: parallel and sequential uploads, and twine. */
    private void latency() throws Exception {
        Path dir = Files.createDirectories(work.resolve("latency"));
        List<Path> files = BenchmarkWheels.platformWheels(dir, NAME, "3.0", options.latencyCount(), 1);
        String label = files.size() + " wheels, " + options.latencyMillis() + " ms per answer";
        sink.processingDelay(Duration.ofMillis(options.latencyMillis()));
        try {
            ResultTable.Row parallel = plugin(label, files, Map.of(), "plugin (parallelUploads 4)");
            rows.add(parallel);
            rows.add(plugin(label, files, Map.of("pypi.parallelUploads", "1"), "plugin (parallelUploads 1)")
                    .against(parallel));
            rows.add(twine(label, files, parallel));
        } finally {
            sink.processingDelay(Duration.ZERO);
        }
    }

    /** The plugin's own cost: {@code mvn deploy} minus {@code mvn deploy -Dpypi.skip}, each the median of the runs. */
    private ResultTable.Row plugin(String label, List<Path> files, Map<String, String> properties, String tool)
            throws Exception {
        List<TimedRun> deploys = new ArrayList<>();
        List<TimedRun> skips = new ArrayList<>();
        Path dir = files.get(0).getParent();
        mvn(dir, properties, false); // warm-up: the first run reads Maven's and the plugin's jars from disk
        for (int i = 0; i < options.runs(); i++) {
            skips.add(counted(0, () -> mvn(dir, properties, true)));
            deploys.add(counted(files.size(), () -> mvn(dir, properties, false)));
        }
        TimedRun deploy = TimedRun.median(deploys);
        TimedRun skip = TimedRun.median(skips);
        // every run, in order, so that a noisy baseline shows as such
        notes.add(String.format(java.util.Locale.ROOT, "%s, %s: mvn deploy %.2f s %s, with -Dpypi.skip %.2f s %s",
                label, tool, deploy.seconds(), seconds(deploys), skip.seconds(), seconds(skips)));
        return new ResultTable.Row(label, tool, deploy.seconds() - skip.seconds(), bytes(files), deploy.peakRssKib(),
                null);
    }

    private static String seconds(List<TimedRun> runs) {
        return runs.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r.seconds()))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
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

    private ResultTable.Row twine(String label, List<Path> files, ResultTable.Row reference) throws Exception {
        List<String> command = new ArrayList<>(List.of("twine", "upload", "--non-interactive",
                "--disable-progress-bar", "--repository-url", sink.uploadUrl(), "-u", "__token__", "-p", TOKEN));
        files.forEach(f -> command.add(f.toString()));
        // keyring: twine asks it for credentials it was given anyway; the null backend keeps that out of the timing
        Map<String, String> env = Map.of("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
        return measure(label, "twine", files, reference, () -> TimedRun.of(command, env, work));
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

    private ResultTable.Row measure(String label, String tool, List<Path> files, ResultTable.Row reference,
            Run run) throws Exception {
        List<TimedRun> runs = new ArrayList<>();
        run.run(); // warm-up, as for the plugin
        for (int i = 0; i < options.runs(); i++) {
            runs.add(counted(files.size(), run));
        }
        TimedRun median = TimedRun.median(runs);
        return new ResultTable.Row(label, tool, median.seconds(), bytes(files), median.peakRssKib(), reference);
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
