package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.ExternalCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wheel and an sdist are the same bytes on every OS: member names use '/', generated files (METADATA, RECORD,
 * WHEEL, entry_points.txt, PKG-INFO, pyproject.toml) end their lines with LF, and text is UTF-8. The second build
 * runs in a JVM with Windows' line separator and a Windows code page as its default charset (Java 17 on a Windows
 * runner defaults to windows-1252), and must produce the same bytes as this one.
 */
class AnyPlatformBytesTest {

    private static final String TIMESTAMP = "2025-03-01T12:00:00Z";
    private static final String README = "# démo — naïve “quotes” ✓\n\nLine two.\n";

    @TempDir
    Path dir;

    /** Builds the project in {@code args[0]}; run in a forked JVM by the test. */
    public static void main(String[] args) throws Exception {
        new DistributionBuilder().build(DistributionBuilderTest.request(Path.of(args[0]), "py2.py3", TIMESTAMP));
    }

    private static BuiltDistributions build(Path project) throws Exception {
        DistributionBuilderTest.createProject(project);
        DistributionBuilderTest.write(project, "README.md", README);
        return new DistributionBuilder().build(DistributionBuilderTest.request(project, "py2.py3", TIMESTAMP));
    }

    @Test
    void theSameBytesWithWindowsLineSeparatorAndCodePage() throws Exception {
        BuiltDistributions here = build(dir.resolve("here"));

        Path there = dir.resolve("there");
        DistributionBuilderTest.createProject(there);
        DistributionBuilderTest.write(there, "README.md", README);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ExternalCommand.Result result = ExternalCommand.run(List.of(java, "-Dline.separator=\r\n",
                "-Dfile.encoding=windows-1252", "-Dsun.jnu.encoding=windows-1252", "-cp",
                System.getProperty("java.class.path"), AnyPlatformBytesTest.class.getName(), there.toString()),
                Map.of(), dir, 120);
        assertTrue(result.ok(), result.output());

        Path dist = there.resolve("target/dist");
        assertArrayEquals(Files.readAllBytes(here.wheel()), Files.readAllBytes(dist.resolve(here.wheel().getFileName())),
                "the wheel differs when built with CRLF line separator and windows-1252");
        assertArrayEquals(Files.readAllBytes(here.sdist()), Files.readAllBytes(dist.resolve(here.sdist().getFileName())),
                "the sdist differs when built with CRLF line separator and windows-1252");
    }

    @Test
    void memberNamesUseSlashesAndGeneratedFilesUseLf() throws Exception {
        BuiltDistributions built = build(dir);
        Map<String, byte[]> wheel = DistributionBuilderTest.unzip(built.wheel());
        Map<String, byte[]> sdist = untar(built.sdist());
        for (Map<String, byte[]> archive : List.of(wheel, sdist)) {
            for (String name : archive.keySet()) {
                assertFalse(name.contains("\\") || name.startsWith("/") || name.contains("//"), name);
            }
        }
        String info = "demo_tool-1.2.0.dev0.dist-info/";
        String top = "demo_tool-1.2.0.dev0/";
        assertTrue(wheel.containsKey("demo_tool/sub/data.json") && sdist.containsKey(top + "src/demo_tool/sub/data.json"),
                wheel.keySet() + " " + sdist.keySet());
        for (byte[] generated : List.of(wheel.get(info + "METADATA"), wheel.get(info + "RECORD"), wheel.get(info + "WHEEL"),
                wheel.get(info + "entry_points.txt"), sdist.get(top + "PKG-INFO"), sdist.get(top + "pyproject.toml"))) {
            String text = new String(generated, StandardCharsets.UTF_8);
            assertFalse(text.contains("\r"), text);
            assertTrue(text.endsWith("\n"), text);
        }
        String metadata = new String(wheel.get(info + "METADATA"), StandardCharsets.UTF_8);
        assertTrue(metadata.contains(README), "the readme, UTF-8, is the METADATA body: " + metadata);
    }

    private static Map<String, byte[]> untar(Path sdist) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(sdist)));
                TarArchiveInputStream tar = new TarArchiveInputStream(gz, StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return entries;
    }
}
