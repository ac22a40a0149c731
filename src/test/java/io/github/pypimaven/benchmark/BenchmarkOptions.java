package io.github.pypimaven.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code benchmark/run} passes on: the repository root (whose {@code target/classes} names the plugin version to
 * run), and the user's options.
 *
 * @param cases which cases to run: {@value #LARGE}, {@value #MANY}, {@value #LATENCY}
 * @param runs how many timed runs per tool (the median is shown)
 * @param mavenRepo a local repository for the {@code mvn} runs other than the default
 */
record BenchmarkOptions(Path root, String pluginVersion, Set<String> cases, int runs, long largeMib, int manyCount,
        int latencyCount, int latencyMillis, Optional<Path> mavenRepo) {

    static final String LARGE = "large";
    static final String MANY = "many";
    static final String LATENCY = "latency";
    private static final Pattern VERSION = Pattern.compile("<artifactId>pypi-maven-plugin</artifactId>\\s*"
            + "<version>([^<]+)</version>");

    static BenchmarkOptions parse(String[] args) throws IOException {
        Path root = null;
        Set<String> cases = Set.of(LARGE, MANY, LATENCY);
        int runs = 5;
        long largeMib = 1024;
        Optional<Path> repo = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--root" -> root = Path.of(value);
                case "--cases" -> cases = Set.of(value.split(","));
                case "--runs" -> runs = Integer.parseInt(value);
                case "--large-mib" -> largeMib = Long.parseLong(value);
                case "--maven-repo" -> repo = value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; see benchmark/run --help");
            }
            i++;
        }
        if (root == null) {
            throw new IllegalArgumentException("--root <repository root> is required");
        }
        if (!Set.of(LARGE, MANY, LATENCY).containsAll(cases)) {
            throw new IllegalArgumentException("--cases takes " + List.of(LARGE, MANY, LATENCY));
        }
        return new BenchmarkOptions(root, pluginVersion(root), cases, runs, largeMib, 200, 40, 50, repo);
    }

    boolean runs(String kind) {
        return cases.contains(kind);
    }

    /** The version {@code mvn install} built, from the plugin descriptor in target/classes. */
    private static String pluginVersion(Path root) throws IOException {
        Path descriptor = root.resolve("target/classes/META-INF/maven/plugin.xml");
        if (!Files.exists(descriptor)) {
            throw new IllegalArgumentException("No " + descriptor + ": build and install the plugin first (mvn -B"
                    + " install -DskipTests -Dinvoker.skip)");
        }
        Matcher m = VERSION.matcher(Files.readString(descriptor, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("No plugin version in " + descriptor);
        }
        return m.group(1);
    }
}
