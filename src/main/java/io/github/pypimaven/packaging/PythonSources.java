package io.github.pypimaven.packaging;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
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
     * installed, they would land loose in site-packages.
     */
    public static PythonSources scan(Path directory) throws PackagingException {
        if (!Files.isDirectory(directory)) {
            throw new PackagingException("The Python source directory " + directory + " does not exist; put your"
                    + " packages there or point the parameter pythonSourceDirectory (pypi.pythonSourceDirectory) at them");
        }
        TreeMap<String, Path> files = new TreeMap<>();
        TreeSet<String> topLevel = new TreeSet<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName().toString();
                    return !dir.equals(directory) && (name.startsWith(".") || name.equals("__pycache__"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String relative = directory.relativize(file).toString().replace('\\', '/');
                    if (!attrs.isRegularFile() && !Files.isRegularFile(file) || isExcluded(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!relative.contains("/")) {
                        if (!relative.endsWith(".py")) {
                            LOG.warn("Leaving out {}: only packages (directories) and modules (.py files) belong at the"
                                    + " top of the Python source directory", file);
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
        if (files.keySet().stream().noneMatch(f -> f.endsWith(".py"))) {
            throw new PackagingException("The Python source directory " + directory + " contains no .py file; put your"
                    + " packages there or point the parameter pythonSourceDirectory (pypi.pythonSourceDirectory) at them");
        }
        return new PythonSources(directory, files, new ArrayList<>(topLevel));
    }

    /** Compiled files (CPython's and Jython's) and dot files never belong in a distribution. */
    static boolean isExcluded(String fileName) {
        return fileName.startsWith(".") || fileName.endsWith(".pyc") || fileName.endsWith(".pyo")
                || fileName.endsWith("$py.class");
    }
}
