package io.github.pypimaven.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Debian's CPython, pip and hatchling as independent consumers of what the ITs publish: pip installs from the
 * local index, pip rebuilds a wheel from the sdist with its declared backend.
 */
public final class ItPython {

    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path work;
    private final Map<String, String> env = new TreeMap<>();

    /**
     * Whether Debian's python3 with pip, flit_core (the fixtures' backend) and hatchling (ours) is here (.ci/run installs it). Where it is not, as on a user's
     * machine, the IT scripts skip their Python checks and say so.
     */
    public static boolean available() {
        try {
            return Files.isExecutable(PYTHON) && ExternalCommand.run(List.of(PYTHON.toString(), "-c", "import pip, flit_core, hatchling"),
                    Map.of(), Path.of("."), 60).ok();
        } catch (Exception e) {
            return false;
        }
    }

    public ItPython(Object workDirectory) throws IOException {
        this.work = Files.createDirectories(Path.of(workDirectory.toString()));
        Path home = Files.createDirectories(work.resolve("home"));
        env.put("HOME", home.toString());
        env.put("PIP_CONFIG_FILE", "/dev/null"); // only the index we name, whatever this machine's pip.conf says
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_NO_INPUT", "1");
        env.put("PIP_CACHE_DIR", home.resolve("cache").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
    }

    /** {@code pip install --no-deps --target <dir> --index-url file:///.../simple <project>}; returns the target. */
    public Path installFromIndex(Object indexRoot, String project) throws Exception {
        Path target = work.resolve("installed");
        String simple = Path.of(indexRoot.toString()).toAbsolutePath().resolve("simple").toUri().toString();
        run(PYTHON.toString(), "-m", "pip", "install", "--no-deps", "--target", target.toString(), "--index-url", simple, project);
        return target;
    }

    /** Runs Python code with {@code path} on PYTHONPATH and returns what it printed. */
    public String runWith(Object path, String code) throws Exception {
        Map<String, String> withPath = new TreeMap<>(env);
        withPath.put("PYTHONPATH", path.toString());
        return check(ExternalCommand.run(List.of(PYTHON.toString(), "-c", code), withPath, work, 120), "python -c").strip();
    }

    /** Builds a wheel from the sdist with its declared backend (no isolation: the backend is Debian's hatchling). */
    public Path wheelFromSdist(Object sdist) throws Exception {
        Path out = Files.createDirectories(work.resolve("rebuilt"));
        run(PYTHON.toString(), "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--wheel-dir", out.toString(),
                sdist.toString());
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".whl")).findFirst()
                    .orElseThrow(() -> new AssertionError("pip wheel made no wheel in " + out));
        }
    }

    /** The .py files of a wheel, by path. */
    public static Map<String, String> pythonFiles(Object wheel) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(wheel.toString())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().endsWith(".py")) {
                    files.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private void run(String... command) throws Exception {
        check(ExternalCommand.run(new ArrayList<>(List.of(command)), env, work, 300), String.join(" ", command));
    }

    private static String check(ExternalCommand.Result result, String what) {
        if (!result.ok()) {
            throw new AssertionError(what + " failed:\n" + result.output());
        }
        return result.output();
    }
}
