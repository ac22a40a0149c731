package io.github.pypimaven.files;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one glob walker: the regular files a '/'-separated pattern matches, relative to a base directory, in Java's
 * {@code glob:} syntax ({@code *} and {@code ?} stay inside a directory, {@code **} crosses directories, {@code [..]}
 * and {@code {a,b}} as usual).
 *
 * <p>The part of the pattern before the directory that holds the first wildcard is a plain path (it may be absolute
 * or contain {@code ..}): the walk starts there, and only as deep as the rest of the pattern reaches (any depth once it
 * has {@code **}). A pattern without wildcards names one file. Symbolic links to files count as files; linked
 * directories below the plain part are not entered.
 *
 * @param base     what the pattern is relative to
 * @param pattern  the pattern, '/'-separated
 * @param excluded paths, '/'-separated and relative to {@code base}, to leave out; an excluded directory is not
 *                 entered
 */
public record FileGlob(Path base, String pattern, Predicate<String> excluded) {

    private static final String WILDCARDS = "*?[{";

    /** A pattern that excludes nothing. */
    public FileGlob(Path base, String pattern) {
        this(base, pattern, path -> false);
    }

    /**
     * The matching regular files, sorted; empty when the directory the walk starts from does not exist.
     *
     * @throws IOException when a directory on the way cannot be read
     */
    public List<Path> files() throws IOException {
        Path absoluteBase = base.toAbsolutePath().normalize();
        Predicate<Path> isExcluded = path -> excluded.test(
                absoluteBase.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        int wildcard = firstWildcard(pattern);
        if (wildcard == pattern.length()) {
            Path file = base.resolve(pattern).normalize();
            return Files.isRegularFile(file) && !isExcluded.test(file) ? List.of(file) : List.of();
        }
        int slash = pattern.lastIndexOf('/', wildcard);
        Path root = base.resolve(slash < 0 ? "" : pattern.substring(0, slash)).normalize();
        String rest = pattern.substring(slash + 1);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : (int) rest.chars().filter(c -> c == '/').count() + 1;
        List<Path> found = new ArrayList<>();
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean enter = dir.equals(root) || !Files.isSymbolicLink(dir) && !isExcluded.test(dir);
                return enter ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isExcluded.test(file) && matcher.matches(root.relativize(file))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A link back to an ancestor: the walk never enters linked directories anyway.
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                throw e;
            }
        };
        // Links are followed so that the plain part may end in one; linked directories below it are skipped above.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, visitor);
        found.sort(null);
        return found;
    }

    private static int firstWildcard(String pattern) {
        int index = pattern.length();
        for (char c : WILDCARDS.toCharArray()) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                index = Math.min(index, i);
            }
        }
        return index;
    }
}
