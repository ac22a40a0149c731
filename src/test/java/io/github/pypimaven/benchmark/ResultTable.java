package io.github.pypimaven.benchmark;

import io.github.pypimaven.testing.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's output: the machine it ran on, and one Markdown table row per case and tool. */
final class ResultTable {

    private ResultTable() {
    }

    /**
     * @param seconds wall time (for the plugin, its own cost)
     * @param bytes what was sent
     * @param reference the row this one is compared with (null: it is the reference of its case)
     */
    record Row(String label, String tool, double seconds, long bytes, long peakRssKib, Row reference) {

        /** This row's time over its reference's: how many times faster the reference is. */
        String ratio() {
            return reference == null ? "1.00" : String.format(Locale.ROOT, "%.2f", seconds / reference.seconds);
        }
    }

    static String format(List<Row> rows) {
        StringBuilder table = new StringBuilder("| case | tool | wall time | throughput | peak RSS | ratio |\n")
                .append("|---|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            double mib = row.bytes / (1024.0 * 1024);
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f s | %.0f MiB/s | %d MiB | %s |%n", row.label,
                    row.tool, row.seconds, mib / row.seconds, row.peakRssKib / 1024, row.ratio()));
        }
        return table.append("\nratio: the tool's time over the plugin's (above 1: the plugin is faster); the plugin's")
                .append(" time is its own cost (mvn deploy minus mvn deploy -Dpypi.skip), its peak RSS that of the")
                .append(" whole Maven JVM.\n").toString();
    }

    /** CPU, cores, memory, OS, Java, Maven, twine and curl, as one Markdown paragraph. */
    static String machine(String pluginVersion) throws IOException, InterruptedException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        boolean shaNi = Files.readString(Path.of("/proc/cpuinfo")).contains(" sha_ni");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
        return String.format(Locale.ROOT, "Machine: %s, %d cores%s, %d GiB RAM; %s; Java %s; %s; %s; %s;"
                + " pypi-maven-plugin %s", cpu, Runtime.getRuntime().availableProcessors(), shaNi ? " (sha_ni)" : "",
                Long.parseLong(memory) / (1024 * 1024), os(), Runtime.version(), firstLine("mvn", "-v"),
                firstLine("twine", "--version"), firstLine("curl", "--version"), pluginVersion);
    }

    private static String os() throws IOException {
        Path release = Path.of("/etc/os-release");
        if (!Files.exists(release)) {
            return System.getProperty("os.name");
        }
        return Files.readAllLines(release).stream().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                .map(l -> l.substring(12).replace("\"", "")).orElse(System.getProperty("os.name"));
    }

    private static String firstLine(String... command) throws IOException, InterruptedException {
        String output = ExternalCommand.run(List.of(command), Map.of(), Path.of("."), 60).output();
        // mvn -v colours its output in some terminals
        String line = output.strip().split("\n")[0].replaceAll("\u001B\\[[0-9;]*m", "");
        return line.length() > 80 ? line.substring(0, 80) : line;
    }
}
