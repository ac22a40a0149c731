package io.github.pypimaven.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIndexTest {

    @TempDir
    Path tmp;

    private final LocalIndex index = new LocalIndex();

    private LocalIndexEntry entry(String filename, String content, String requiresPython) throws Exception {
        Path file = tmp.resolve("in").resolve(filename + "-" + content.hashCode());
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        String name = filename.substring(0, filename.indexOf('-'));
        String version = filename.endsWith(".whl") ? filename.split("-")[1]
                : filename.substring(filename.lastIndexOf('-') + 1, filename.length() - ".tar.gz".length());
        byte[] metadata = filename.endsWith(".whl") ? ("Metadata-Version: 2.4\nName: " + name + "\n").getBytes(StandardCharsets.UTF_8) : null;
        return new LocalIndexEntry(file, filename, new ProjectName(name), Pep440Version.parse(version),
                sha256(content.getBytes(StandardCharsets.UTF_8)), metadata, requiresPython);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void publishWritesFilesMetadataAndPages() throws Exception {
        Path root = tmp.resolve("repo");
        LocalIndexEntry wheel = entry("demo_tool-1.0-py3-none-any.whl", "wheel bytes", ">=3.8");
        IndexedFile published = index.publish(root, wheel);
        assertFalse(published.alreadyPresent());
        assertEquals(root.resolve("files/demo_tool-1.0-py3-none-any.whl"), published.location());
        assertEquals("wheel bytes", Files.readString(published.location()));
        assertArrayEquals(wheel.metadata(), Files.readAllBytes(root.resolve("files/demo_tool-1.0-py3-none-any.whl.metadata")));

        String page = Files.readString(root.resolve("simple/demo-tool/index.html"));
        String metadataHash = sha256(wheel.metadata());
        assertTrue(page.contains("<a href=\"../../files/demo_tool-1.0-py3-none-any.whl#sha256=" + wheel.sha256() + "\""
                + " data-requires-python=\"&gt;=3.8\" data-dist-info-metadata=\"sha256=" + metadataHash + "\""
                + " data-core-metadata=\"sha256=" + metadataHash + "\">demo_tool-1.0-py3-none-any.whl</a>"), page);
        String rootPage = Files.readString(root.resolve("simple/index.html"));
        assertTrue(rootPage.contains("<a href=\"demo-tool/\">demo-tool</a>"), rootPage);

        index.publish(root, entry("demo_tool-1.0.tar.gz", "sdist bytes", null));
        index.publish(root, entry("other-2.0-py3-none-any.whl", "other", null));
        page = Files.readString(root.resolve("simple/demo-tool/index.html"));
        assertTrue(page.contains(">demo_tool-1.0.tar.gz</a>") && !page.contains("tar.gz.metadata"), page);
        String sdistLink = page.lines().filter(l -> l.contains(".tar.gz")).findFirst().orElseThrow();
        assertFalse(sdistLink.contains("data-requires-python") || sdistLink.contains("data-core-metadata"), sdistLink);
        rootPage = Files.readString(root.resolve("simple/index.html"));
        assertTrue(rootPage.indexOf("demo-tool/") < rootPage.indexOf("other/"), rootPage);
        assertNoTempFiles(root);
    }

    @Test
    void identicalRepublishIsANoOp() throws Exception {
        Path root = tmp.resolve("repo");
        LocalIndexEntry wheel = entry("demo-1.0-py3-none-any.whl", "same", null);
        index.publish(root, wheel);
        String before = Files.readString(root.resolve("simple/demo/index.html"));
        IndexedFile again = index.publish(root, wheel);
        assertTrue(again.alreadyPresent());
        assertEquals(before, Files.readString(root.resolve("simple/demo/index.html")));
    }

    @Test
    void differentFileUnderTheSameNameIsAnErrorNamingBothHashes() throws Exception {
        Path root = tmp.resolve("repo");
        LocalIndexEntry first = entry("demo-1.0-py3-none-any.whl", "first", null);
        LocalIndexEntry second = entry("demo-1.0-py3-none-any.whl", "second", null);
        index.publish(root, first);
        LocalIndexException e = assertThrows(LocalIndexException.class, () -> index.publish(root, second));
        assertTrue(e.getMessage().contains(first.sha256()) && e.getMessage().contains(second.sha256()), e.getMessage());
        assertEquals("first", Files.readString(root.resolve("files/demo-1.0-py3-none-any.whl")));
    }

    @Test
    void secondSdistForTheSameVersionIsAnError() throws Exception {
        Path root = tmp.resolve("repo");
        index.publish(root, entry("demo-1.0.tar.gz", "a", null));
        // 1.0.0 is the same version as 1.0, as on PyPI.
        LocalIndexException e = assertThrows(LocalIndexException.class,
                () -> index.publish(root, entry("demo-1.0.0.tar.gz", "b", null)));
        assertTrue(e.getMessage().contains("demo-1.0.tar.gz") && e.getMessage().contains("only one sdist"), e.getMessage());
        index.publish(root, entry("demo-1.1.tar.gz", "c", null));
        assertTrue(Files.readString(root.resolve("simple/demo/index.html")).contains("demo-1.1.tar.gz"));
        assertFalse(Files.exists(root.resolve("files/demo-1.0.0.tar.gz")));
    }

    @Test
    void aNameDifferingOnlyInCaseIsRefusedAsOnACaseInsensitiveFileSystem() throws Exception {
        Path root = tmp.resolve("repo");
        index.publish(root, entry("My_Pkg-1.0-py3-none-any.whl", "first", null));
        for (String twin : List.of("my_pkg-1.0-py3-none-any.whl", "MY_PKG-1.0-PY3-none-any.whl")) {
            LocalIndexException e = assertThrows(LocalIndexException.class,
                    () -> index.publish(root, entry(twin, "first", null)));
            assertEquals("The local index " + root.toAbsolutePath() + " already has My_Pkg-1.0-py3-none-any.whl, whose"
                    + " name differs from " + twin + " only in case; on Windows and macOS they would be one file. Build"
                    + " the distribution under the name already published, or publish a new version", e.getMessage());
        }
        try (Stream<Path> files = Files.list(root.resolve("files"))) {
            assertEquals(List.of("My_Pkg-1.0-py3-none-any.whl", "My_Pkg-1.0-py3-none-any.whl.metadata"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // the same name again is still the no-op it always was
        assertTrue(index.publish(root, entry("My_Pkg-1.0-py3-none-any.whl", "first", null)).alreadyPresent());
    }

    @Test
    void wrongHashAndBadNamesAreRefused() throws Exception {
        Path root = tmp.resolve("repo");
        LocalIndexEntry good = entry("demo-1.0-py3-none-any.whl", "x", null);
        LocalIndexEntry lying = new LocalIndexEntry(good.file(), good.filename(), good.name(), good.version(),
                "00".repeat(32), good.metadata(), null);
        assertThrows(LocalIndexException.class, () -> index.publish(root, lying));
        assertFalse(Files.exists(root.resolve("files/demo-1.0-py3-none-any.whl")));
        assertNoTempFiles(root);
        LocalIndexEntry otherProject = new LocalIndexEntry(good.file(), good.filename(), new ProjectName("nope"),
                good.version(), good.sha256(), null, null);
        assertThrows(LocalIndexException.class, () -> index.publish(root, otherProject));
        LocalIndexEntry traversal = new LocalIndexEntry(good.file(), "../demo-1.0-py3-none-any.whl", good.name(),
                good.version(), good.sha256(), null, null);
        assertThrows(LocalIndexException.class, () -> index.publish(root, traversal));
    }

    @Test
    void concurrentPublishesAllLandAndPagesStayConsistent() throws Exception {
        Path root = tmp.resolve("repo");
        List<LocalIndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            entries.add(entry("proj" + (i % 3) + "-1." + i + "-py3-none-any.whl", "content " + i, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<IndexedFile>> futures = new ArrayList<>();
            for (LocalIndexEntry e : entries) {
                // A second LocalIndex instance stands for another plugin class loader sharing the directory.
                LocalIndex service = futures.size() % 2 == 0 ? index : new LocalIndex();
                futures.add(pool.submit(() -> service.publish(root, e)));
                futures.add(pool.submit(() -> index.publish(root, e)));
            }
            for (Future<IndexedFile> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int p = 0; p < 3; p++) {
            String page = Files.readString(root.resolve("simple/proj" + p + "/index.html"));
            assertEquals(8, page.lines().filter(l -> l.contains("<a href=\"../../files/")).count(), page);
            assertTrue(page.endsWith("</html>\n"));
        }
        assertNoTempFiles(root);
    }

    @Test
    void pipInstallCommandUsesTheFileUrlOfTheSimpleApi() {
        Path root = tmp.resolve("my repo");
        String command = index.pipInstallCommand(root, new ProjectName("Demo_Tool"));
        assertEquals("pip install --index-url " + root.toAbsolutePath().resolve("simple").toUri().toString()
                .replaceAll("/$", "") + " demo-tool", command);
        assertTrue(command.contains("my%20repo"), command);
    }

    /** A stray file that merely looks like a distribution used to break every later publish. */
    @Test
    void foreignFilesAreIgnored() throws Exception {
        Path root = tmp.resolve("repo");
        for (String stray : List.of("README.whl", "notes.tar.gz", "README.md", "a b-1.0.tar.gz",
                "x\n::warning::pwned-1.0-py3-none-any.whl")) {
            Files.createDirectories(root.resolve("files"));
            Files.writeString(root.resolve("files").resolve(stray), "not a distribution");
        }
        index.publish(root, entry("demo-1.0-py3-none-any.whl", "wheel", null));
        index.publish(root, entry("demo-1.0.tar.gz", "sdist", null));
        String page = Files.readString(root.resolve("simple/demo/index.html"));
        assertTrue(page.contains(">demo-1.0-py3-none-any.whl</a>") && page.contains(">demo-1.0.tar.gz</a>"), page);
        String projects = Files.readString(root.resolve("simple/index.html"));
        assertFalse(projects.contains("README") || projects.contains("notes") || projects.contains("pwned"), projects);
        try (Stream<Path> pages = Files.list(root.resolve("simple"))) {
            assertEquals(List.of("demo", "index.html"), pages.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** A name's '+' (local version) and '!' (epoch) are percent-encoded in the href, as one URL path segment. */
    @Test
    void hrefsAreUrlEncoded() throws Exception {
        Path root = tmp.resolve("repo");
        index.publish(root, entry("demo-1!1.0+local.7-py3-none-any.whl", "wheel", null));
        String page = Files.readString(root.resolve("simple/demo/index.html"));
        assertTrue(page.contains("<a href=\"../../files/demo-1%211.0%2Blocal.7-py3-none-any.whl#sha256="), page);
        assertTrue(page.contains(">demo-1!1.0+local.7-py3-none-any.whl</a>"), page);
        assertEquals("a%20b%23%3F%25%C3%A9~-._", LocalIndex.pathSegment("a b#?%\u00e9~-._"));
    }

    @Test
    void htmlEscaping() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", LocalIndex.escape("<a href=\"x\">&'"));
    }

    private static void assertNoTempFiles(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> temps = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
