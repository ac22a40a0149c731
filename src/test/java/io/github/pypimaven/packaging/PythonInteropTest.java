package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.index.LocalIndex;
import io.github.pypimaven.index.LocalIndexEntry;
import io.github.pypimaven.testing.ExternalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Python tools consume what the builder and the local index produce. */
class PythonInteropTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String TWINE = "/usr/bin/twine";

    @TempDir
    Path dir;
    private Map<String, String> env;
    private final DistributionBuilder builder = new DistributionBuilder();

    @BeforeAll
    static void needsPythonWithPipAndHatchling() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is not installed");
        ExternalCommand.Result probe = ExternalCommand.run(List.of(PYTHON, "-c", "import pip, hatchling"), Map.of(),
                Path.of("."), 60);
        Assumptions.assumeTrue(probe.ok(), PYTHON + " lacks pip or hatchling: " + probe.output());
    }

    @BeforeEach
    void project() throws Exception {
        DistributionBuilderTest.createProject(dir);
        Path home = Files.createDirectories(dir.resolve("home"));
        env = Map.of("HOME", home.toString(), "PIP_DISABLE_PIP_VERSION_CHECK", "1", "PIP_CONFIG_FILE", "/dev/null",
                "PIP_CACHE_DIR", home.resolve("cache").toString(), "PIP_NO_INPUT", "1",
                "PYTHONDONTWRITEBYTECODE", "1");
    }

    private BuiltDistributions build(String metadataVersion) throws Exception {
        BuildRequest r = DistributionBuilderTest.request(dir, "py3", null);
        // A release version: pip ignores pre-releases such as 1.2.0.dev0 unless told --pre.
        PackageOptions o = r.options();
        PackageOptions release = new PackageOptions("1.2.0", o.requiresPython(), o.license(), List.of(),
                o.entryPoints(), o.readme(), o.licenseFiles());
        return builder.build(new BuildRequest(r.baseDir(), r.sourceDirectory(), r.outputDirectory(), r.pom(), release,
                r.pythonTag(), r.outputTimestamp(), r.generator(), true), metadataVersion);
    }

    private ExternalCommand.Result run(Map<String, String> extraEnv, String... command) throws Exception {
        Map<String, String> all = new TreeMap<>(env);
        all.putAll(extraEnv);
        return ExternalCommand.run(List.of(command), all, dir, 300);
    }

    @Test
    void pipInstallsTheWheelFromTheLocalIndex() throws Exception {
        BuiltDistributions built = build(CoreMetadataWriter.METADATA_VERSION);
        Path root = dir.resolve("repo");
        LocalIndex index = new LocalIndex();
        Map<String, byte[]> wheel = DistributionBuilderTest.unzip(built.wheel());
        for (Path file : List.of(built.wheel(), built.sdist())) {
            byte[] metadata = file == built.wheel() ? wheel.get("demo_tool-1.2.0.dist-info/METADATA") : null;
            index.publish(root, new LocalIndexEntry(file, file.getFileName().toString(), built.metadata().name(),
                    Pep440Version.parse("1.2.0"), sha256(Files.readAllBytes(file)), metadata, ">=3.7"));
        }
        Path target = dir.resolve("installed");
        ExternalCommand.Result install = run(Map.of(), PYTHON, "-m", "pip", "install", "--no-deps", "--target",
                target.toString(), "--index-url", index.simpleUrl(root), "demo-tool");
        assertTrue(install.ok(), install.output());
        assertTrue(install.output().contains("demo_tool-1.2.0-py3-none-any.whl"), "pip took the wheel: " + install.output());
        ExternalCommand.Result imported = run(Map.of("PYTHONPATH", target.toString()), PYTHON, "-c",
                "import demo_tool, json, importlib.metadata as m, importlib.resources as r;"
                + " print(demo_tool.hello(), m.version('demo-tool'), json.loads(r.files('demo_tool.sub').joinpath('data.json').read_text())['a'])");
        assertTrue(imported.ok(), imported.output());
        assertEquals("hello 1.2.0 1", imported.output().strip());
        assertTrue(Files.isRegularFile(target.resolve("bin/demo")), "pip made the console script");
    }

    @Test
    void pipRebuildsTheSameWheelFromTheSdist() throws Exception {
        BuiltDistributions built = build(CoreMetadataWriter.METADATA_VERSION);
        Path out = Files.createDirectories(dir.resolve("rebuilt"));
        ExternalCommand.Result wheel = run(Map.of(), PYTHON, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                "-w", out.toString(), built.sdist().toString());
        assertTrue(wheel.ok(), wheel.output());
        Path rebuilt;
        try (Stream<Path> files = Files.list(out)) {
            rebuilt = files.filter(p -> p.toString().endsWith(".whl")).findFirst().orElseThrow();
        }
        assertEquals("demo_tool-1.2.0-py3-none-any.whl", rebuilt.getFileName().toString());
        Map<String, byte[]> ours = DistributionBuilderTest.unzip(built.wheel());
        Map<String, byte[]> theirs = DistributionBuilderTest.unzip(rebuilt);
        Map<String, String> ourSources = sources(ours);
        assertEquals(ourSources, sources(theirs));
        assertEquals(4, ourSources.size());
        String theirMetadata = new String(theirs.get("demo_tool-1.2.0.dist-info/METADATA"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(theirMetadata.contains("Requires-Python: >=3.7"), theirMetadata);
        assertTrue(theirs.containsKey("demo_tool-1.2.0.dist-info/entry_points.txt"));
    }

    /** Debian's twine 4.0.2 predates Metadata 2.3/2.4, so it checks the build made with Metadata-Version 2.2. */
    @Test
    void twineCheckStrictAcceptsTheDistributions() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(TWINE)), TWINE + " is not installed");
        BuiltDistributions built = build("2.2");
        ExternalCommand.Result check = run(Map.of(), TWINE, "check", "--strict", built.wheel().toString(),
                built.sdist().toString());
        assertTrue(check.ok(), check.output());
        assertEquals(2, check.output().lines().filter(l -> l.contains("PASSED")).count(), check.output());
    }

    /** Documents what the lead needs to know: twine 4.0.2 refuses Metadata-Version 2.4. */
    @Test
    void twine4RefusesMetadata24() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(TWINE)), TWINE + " is not installed");
        ExternalCommand.Result version = run(Map.of(), TWINE, "--version");
        Assumptions.assumeTrue(version.output().contains("twine version 4."), "only twine 4 has this limit: " + version.output());
        BuiltDistributions built = build(CoreMetadataWriter.METADATA_VERSION);
        ExternalCommand.Result check = run(Map.of(), TWINE, "check", "--strict", built.wheel().toString());
        assertTrue(!check.ok(), check.output());
    }

    private static Map<String, String> sources(Map<String, byte[]> wheel) {
        Map<String, String> py = new TreeMap<>();
        wheel.forEach((name, bytes) -> {
            if (!name.contains(".dist-info/")) {
                py.put(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return py;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
