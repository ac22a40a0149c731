package io.github.pypimaven.index;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import io.github.pypimaven.distribution.SdistFilename;
import io.github.pypimaven.distribution.WheelFilename;
import io.github.pypimaven.files.AtomicFiles;
import io.github.pypimaven.files.HashingOutputStream;
import io.github.pypimaven.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PEP 503 "simple" repository in a local directory, the target of a {@code file:} repository URL.
 *
 * <p>Layout: {@code <root>/files/} holds the distributions, the PEP 658 {@code <wheel>.metadata} files and a
 * {@code <file>.requires-python} note per file that has one; {@code <root>/simple/index.html} lists the projects and
 * {@code <root>/simple/<normalized-name>/index.html} links the files with relative hrefs. The pages are regenerated
 * from the directory contents on every publish, so they always agree with the files.
 *
 * <p>It follows PyPI's rules: publishing an identical file again is a no-op, a different file under an existing
 * name is an error, and one version has at most one sdist. Every file appears atomically (written under a temp name
 * in the same directory, then moved), and publishes are serialised by an in-JVM lock plus a file lock on
 * {@code <root>/.lock}, so parallel Maven builds ({@code -T}) and separate processes can share one index.
 *
 * <p>Anything else in {@code files/} (a {@code README.whl}, a download left there) is ignored with a warning: the
 * pages list only files whose names are valid wheel or sdist names, and link them URL-encoded.
 */
@Named
@Singleton
public class LocalIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LocalIndex.class);
    static final String FILES = "files";
    static final String SIMPLE = "simple";
    private static final String REQUIRES_PYTHON = ".requires-python";
    private static final String METADATA = ".metadata";

    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    public IndexedFile publish(Path indexRoot, LocalIndexEntry entry) throws LocalIndexException {
        Path root = indexRoot.toAbsolutePath().normalize();
        checkFilename(entry);
        ReentrantLock lock = locks.computeIfAbsent(root, r -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(root.resolve(FILES));
            Files.createDirectories(root.resolve(SIMPLE));
            try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile(channel)) {
                IndexedFile result = publishLocked(root, entry);
                regeneratePages(root);
                return result;
            }
        } catch (IOException e) {
            throw new LocalIndexException("Cannot publish " + entry.filename() + " to the local index " + root + ": "
                    + e.getMessage() + "; check that the directory is writable", e);
        } finally {
            lock.unlock();
        }
    }

    /** The command a user runs to install from this index. */
    public String pipInstallCommand(Path indexRoot, ProjectName name) {
        return "pip install --index-url " + simpleUrl(indexRoot) + " " + name.normalized();
    }

    /** The {@code file:} URL of the index's simple API, for pip's {@code --index-url}. */
    public String simpleUrl(Path indexRoot) {
        String url = indexRoot.toAbsolutePath().normalize().resolve(SIMPLE).toUri().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static FileLock lockFile(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // Another class loader's copy of this service holds the lock in this JVM: wait for it.
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the index lock", interrupted);
                }
            }
        }
    }

    private IndexedFile publishLocked(Path root, LocalIndexEntry entry) throws IOException, LocalIndexException {
        Path files = root.resolve(FILES);
        refuseCaseTwin(root, files, entry.filename());
        Path target = files.resolve(entry.filename());
        if (Files.exists(target)) {
            String existing = Sha256.hex(target);
            if (existing.equals(entry.sha256())) {
                return new IndexedFile(entry.filename(), existing, target, true);
            }
            throw new LocalIndexException("The local index " + root + " already has a different " + entry.filename()
                    + " (sha256 " + existing + "; the new file has sha256 " + entry.sha256() + "). A published file"
                    + " never changes: publish a new version, or delete " + target + " if this index is disposable");
        }
        if (entry.isSdist()) {
            for (String other : distributionNames(files, false)) {
                if (other.endsWith(".tar.gz") && sameRelease(other, entry.name(), entry.version())) {
                    throw new LocalIndexException("The local index " + root + " already has the sdist " + other
                            + " for " + entry.name() + " " + entry.version() + "; a version can have only one sdist");
                }
            }
        }
        if (entry.isWheel() && entry.metadata() != null) {
            AtomicFiles.write(files.resolve(entry.filename() + METADATA), entry.metadata());
        }
        if (entry.requiresPython() != null && !entry.requiresPython().isBlank()) {
            AtomicFiles.write(files.resolve(entry.filename() + REQUIRES_PYTHON),
                    entry.requiresPython().strip().getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.write(target, temp -> {
            String copied;
            try (InputStream in = Files.newInputStream(entry.file());
                    HashingOutputStream out = Sha256.hashing(Files.newOutputStream(temp))) {
                out.transferFrom(in);
                copied = out.hex();
            }
            if (!copied.equals(entry.sha256())) {
                throw new LocalIndexException("The file " + entry.file() + " has sha256 " + copied + ", not the "
                        + entry.sha256() + " it was announced with; it changed while publishing, rebuild it");
            }
        });
        return new IndexedFile(entry.filename(), entry.sha256(), target, false);
    }

    /**
     * Windows and macOS file systems ignore case: there, {@code My_Pkg-1.0.tar.gz} would land on the file
     * {@code my_pkg-1.0.tar.gz} and be taken for it. Two names differing only in case are refused on every OS, so an
     * index behaves the same wherever it lives (and can be copied between them).
     */
    private static void refuseCaseTwin(Path root, Path files, String filename) throws IOException, LocalIndexException {
        for (String existing : distributionNames(files, false)) {
            if (!existing.equals(filename) && existing.equalsIgnoreCase(filename)) {
                throw new LocalIndexException("The local index " + root + " already has " + existing + ", whose name"
                        + " differs from " + filename + " only in case; on Windows and macOS they would be one file."
                        + " Build the distribution under the name already published, or publish a new version");
            }
        }
    }

    /** The simple pages, rebuilt from what is in {@code files/}. */
    private void regeneratePages(Path root) throws IOException {
        Path files = root.resolve(FILES);
        Map<String, List<String>> byProject = new TreeMap<>();
        for (String name : distributionNames(files, true)) {
            byProject.computeIfAbsent(projectOf(name).orElseThrow(), p -> new java.util.ArrayList<>()).add(name);
        }
        StringBuilder index = page("Simple index");
        for (Map.Entry<String, List<String>> project : byProject.entrySet()) {
            index.append("    <a href=\"").append(escape(pathSegment(project.getKey()))).append("/\">")
                    .append(escape(project.getKey())).append("</a><br/>\n");
            StringBuilder projectPage = page("Links for " + project.getKey());
            for (String name : project.getValue()) {
                projectPage.append("    ").append(link(files, name)).append("<br/>\n");
            }
            Path dir = root.resolve(SIMPLE).resolve(project.getKey());
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve("index.html"), end(projectPage));
        }
        AtomicFiles.write(root.resolve(SIMPLE).resolve("index.html"), end(index));
    }

    private static String link(Path files, String name) throws IOException {
        StringBuilder a = new StringBuilder("<a href=\"../../").append(FILES).append('/')
                .append(escape(pathSegment(name)))
                .append("#sha256=").append(Sha256.hex(files.resolve(name))).append('"');
        Path requiresPython = files.resolve(name + REQUIRES_PYTHON);
        if (Files.exists(requiresPython)) {
            a.append(" data-requires-python=\"").append(escape(Files.readString(requiresPython, StandardCharsets.UTF_8)))
                    .append('"');
        }
        Path metadata = files.resolve(name + METADATA);
        if (Files.exists(metadata)) {
            String hash = "sha256=" + Sha256.hex(metadata);
            a.append(" data-dist-info-metadata=\"").append(hash).append("\" data-core-metadata=\"").append(hash)
                    .append('"');
        }
        return a.append('>').append(escape(name)).append("</a>").toString();
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\""
                + " content=\"1.0\">\n    <title>").append(escape(title)).append("</title>\n  </head>\n  <body>\n");
    }

    private static byte[] end(StringBuilder page) {
        return page.append("  </body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The distributions in {@code files/}, sorted: files whose names are valid wheel or sdist names. Anything else
     * that is not one of our own notes is left alone, so that a stray file cannot break a publish.
     *
     * @param warn whether to warn about each such file (once per publish is enough)
     */
    private static List<String> distributionNames(Path files, boolean warn) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (Stream<Path> list = Files.list(files)) {
            for (String name : list.map(p -> p.getFileName().toString()).sorted().toList()) {
                if (name.startsWith(".")) {
                    continue; // our temporary files, and the user's hidden ones
                }
                if (projectOf(name).isPresent()) {
                    names.add(name);
                } else if (warn && !name.endsWith(METADATA) && !name.endsWith(REQUIRES_PYTHON)) {
                    LOG.warn("Ignoring {} in the local index: not a wheel or sdist with a valid file name (PEP 427,"
                            + " PEP 625), so no page lists it. Remove it from the index directory",
                            ForeignText.line(files.resolve(name).toString(), 4096, List.of()));
                }
            }
        }
        return names;
    }

    /** The normalized project name of a valid wheel or sdist file name; empty for any other name. */
    static Optional<String> projectOf(String filename) {
        if (filename.endsWith(".whl")) {
            return WheelFilename.tryParse(filename).map(WheelFilename::normalizedName);
        }
        return SdistFilename.tryParse(filename).map(s -> ProjectName.normalize(s.namePart()));
    }

    private static boolean sameRelease(String sdistName, ProjectName name, Pep440Version version) {
        return SdistFilename.tryParse(sdistName).filter(s -> ProjectName.normalize(s.namePart())
                .equals(name.normalized()) && s.version().equals(version)).isPresent();
    }

    private static void checkFilename(LocalIndexEntry entry) throws LocalIndexException {
        String name = entry.filename();
        Optional<String> project = entry.isWheel() || entry.isSdist() ? projectOf(name) : Optional.empty();
        if (project.isEmpty()) {
            throw new LocalIndexException("'" + ForeignText.line(name) + "' is not a wheel or sdist file name; only"
                    + " .whl and .tar.gz distributions with PEP 427/625 names can go into the local index");
        }
        if (!project.get().equals(entry.name().normalized())) {
            throw new LocalIndexException("The file name " + name + " does not belong to project " + entry.name()
                    + "; it must start with " + entry.name().filenameForm() + "-");
        }
    }

    /**
     * A file name as one path segment of a URL (RFC 3986): every byte of its UTF-8 form that is not an unreserved
     * character is percent-encoded, so that '+', '!', '#' or '?' in a name stay part of it.
     */
    static String pathSegment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** HTML escaping for text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
