package io.github.pypimaven.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDistributionsTest {

    private static final Path PYTHON = Paths.get("/usr/bin/python3");

    @TempDir
    Path dir;

    private static TestDistributions.Builder wheel() {
        return TestDistributions.wheel("my-package", "1.0.0").field("Summary", "A test").field("Requires-Dist", "idna")
                .description("# Hello\n", "text/markdown").module("my_package/__init__.py", "VALUE = 1\n");
    }

    @Test
    void sameInputsGiveTheSameBytes() throws IOException {
        Path a = wheel().writeTo(dir.resolve("a"));
        Path b = wheel().writeTo(dir.resolve("b"));
        assertEquals("my_package-1.0.0-py3-none-any.whl", a.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void sdistBytesAreReproducible() throws IOException {
        Path a = TestDistributions.sdist("my-package", "1.0.0").writeTo(dir.resolve("a"));
        Path b = TestDistributions.sdist("my-package", "1.0.0").writeTo(dir.resolve("b"));
        assertEquals("my_package-1.0.0.tar.gz", a.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void wheelInstallsWithPipAndPassesTwineCheck() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "Debian's /usr/bin/python3 with pip is not installed");
        Path whl = wheel().writeTo(dir);
        Path target = dir.resolve("site");
        run(PYTHON.toString(), "-m", "pip", "install", "--no-deps", "--no-index", "--target", target.toString(),
                whl.toString());
        assertEquals("VALUE = 1\n", Files.readString(target.resolve("my_package/__init__.py")));
        if (Files.isExecutable(Paths.get("/usr/bin/twine"))) {
            String out = run("/usr/bin/twine", "check", "--strict", whl.toString());
            assertTrue(out.contains("PASSED"), out);
        }
    }

    @Test
    void sdistBuildsWithPipAndFlit() throws Exception {
        Assumptions.assumeTrue(ItPython.available(), "Debian's /usr/bin/python3 with pip, flit_core and hatchling is not installed"
                + " (.ci/run installs it)");
        Path sdist = TestDistributions.sdist("my-package", "1.0.0").field("Summary", "A test").writeTo(dir);
        Path out = dir.resolve("out");
        run(PYTHON.toString(), "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w",
                out.toString(), sdist.toString());
        assertTrue(Files.exists(out.resolve("my_package-1.0.0-py2.py3-none-any.whl"))
                || Files.exists(out.resolve("my_package-1.0.0-py3-none-any.whl")), String.valueOf(out.toFile().list()));
    }

    private String run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + cmd);
        String out = Files.readString(dir.resolve("process.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), cmd + " failed:\n" + out);
        return out;
    }
}
