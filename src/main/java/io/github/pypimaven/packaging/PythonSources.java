package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.ArchiveMemberName;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Python files of a project: everything under the source directory except compiled files and dot files.
 *
 * @param files '/'-separated path relative to the source directory → the file, sorted by path
 * @param topLevelNames the import names at the root: package directories and modules without ".py", sorted
 */
public record PythonSources(Path directory, java.util.SortedMap<String, Path> files, List<String> topLevelNames) {

    private static final Logger LOG = LoggerFactory.getLogger(PythonSources.class);

    public PythonSources {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        topLevelNames = List.copyOf(topLevelNames);
    }

    /**
     * Collects the sources. Files directly in the directory that are not modules are left out with a warning:
     * installed, they would land loose in site-packages. A symbolic link is packed only when it leads to a regular
     * file inside the directory; any other link is left out with a warning, so nothing outside the source tree ends up
     * in a distribution.
     *
     * @throws PackagingException when a file's name cannot be an archive member (a backslash, a control character)
     */
    public static PythonSources scan(Path directory) throws PackagingException {
        if (!Files.isDirectory(directory)) {
            throw new PackagingException("The Python source directory " + directory + " does not exist; put your"
                    + " packages there or point the parameter pythonSourceDirectory (pypi.pythonSourceDirectory) at them");
        }
        TreeMap<String, Path> files = new TreeMap<>();
        TreeSet<String> topLevel = new TreeSet<>();
        List<String> badNames = new ArrayList<>();
        try {
            // The configured directory may itself be a link; links below it may not lead out of it.
            Path realDirectory = directory.toRealPath();
            Files.walkFileTree(realDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName().toString();
                    return !dir.equals(realDirectory) && (name.startsWith(".") || name.equals("__pycache__"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isExcluded(file.getFileName().toString())
                            || !(attrs.isRegularFile()
                                    || attrs.isSymbolicLink() && isLinkInside(file, realDirectory))) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = ArchiveFiles.memberPath(realDirectory, file);
                    Optional<String> badName = ArchiveMemberName.problem(relative);
                    if (badName.isPresent()) {
                        badNames.add("'" + ArchiveMemberName.shown(relative) + "' " + badName.get());
                        return FileVisitResult.CONTINUE;
                    }
                    if (!relative.contains("/")) {
                        if (!relative.endsWith(".py")) {
                            LOG.warn("Leaving out {}: only packages (directories) and modules (.py files) belong at the"
                                    + " top of the Python source directory", ArchiveMemberName.shown(file.toString()));
                            return FileVisitResult.CONTINUE;
                        }
                        topLevel.add(relative.substring(0, relative.length() - 3));
                    } else {
                        topLevel.add(relative.substring(0, relative.indexOf('/')));
                    }
                    files.put(relative, file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PackagingException("Cannot read the Python source directory " + directory + ": " + e.getMessage(), e);
        }
        if (!badNames.isEmpty()) {
            throw new PackagingException("The Python source directory " + directory + " has files whose names cannot be"
                    + " put into a wheel or sdist: " + String.join("; ", badNames.stream().limit(5).toList())
                    + (badNames.size() > 5 ? "; ..." : "") + ". Rename them (an installer would write such a member"
                    + " outside the package, or refuse it)");
        }
        if (files.keySet().stream().noneMatch(f -> f.endsWith(".py"))) {
            throw new PackagingException("The Python source directory " + directory + " contains no .py file; put your"
                    + " packages there or point the parameter pythonSourceDirectory (pypi.pythonSourceDirectory) at them");
        }
        return new PythonSources(directory, files, new ArrayList<>(topLevel));
    }

    /**
     * Whether a symbolic link leads to a regular file inside the source directory; any other link is left out with a
     * warning. Links are never followed out of the tree: a link to a system file must not be packed.
     */
    private static boolean isLinkInside(Path link, Path realDirectory) {
        String shown = ArchiveMemberName.shown(link.toString());
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            LOG.warn("Leaving out {}: it is a symbolic link whose target cannot be read ({})", shown,
                    ArchiveMemberName.shown(e.getClass().getSimpleName()));
            return false;
        }
        if (Files.isDirectory(target)) {
            LOG.warn("Leaving out {}: it is a symbolic link to the directory {}, and linked directories are not entered"
                    + " (they may lead out of the source tree, or loop). Move the files into the Python source"
                    + " directory if they belong in the package", shown, ArchiveMemberName.shown(target.toString()));
            return false;
        }
        if (!target.startsWith(realDirectory) || !Files.isRegularFile(target)) {
            LOG.warn("Leaving out {}: it is a symbolic link to {}, outside the Python source directory, and a"
                    + " distribution never carries a file a link leads to outside it. Copy the file into the source"
                    + " directory if it belongs in the package", shown, ArchiveMemberName.shown(target.toString()));
            return false;
        }
        return true;
    }

    /** Compiled files (CPython's and Jython's) and dot files never belong in a distribution. */
    static boolean isExcluded(String fileName) {
        return fileName.startsWith(".") || fileName.endsWith(".pyc") || fileName.endsWith(".pyo")
                || fileName.endsWith("$py.class");
    }
}
