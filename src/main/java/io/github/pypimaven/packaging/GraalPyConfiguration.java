package io.github.pypimaven.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code package} goal takes from a GraalPy project's graalpy-maven-plugin configuration, as plain values
 * (the Maven side reads them from the POM). GraalPy keeps the project's own Python code in {@code <root>/src} and the
 * packages it installs in {@code <root>/venv}, where the root is either a directory of Java resources (the virtual
 * file system, {@code org.graalvm.python.vfs} unless {@code <resourceDirectory>} says otherwise) or an external
 * directory.
 *
 * @param resourceDirectory {@code <resourceDirectory>}: the virtual file system's Java resource path, such as
 *     {@code GRAALPY-VFS/com.example/mylib}; null for GraalPy's default
 * @param externalDirectory {@code <externalDirectory>} (or the older {@code <pythonResourcesDirectory>}), relative to
 *     the project directory or absolute; null when the virtual file system is used
 * @param packages {@code <packages>}: pip requirement strings, as written
 */
public record GraalPyConfiguration(String resourceDirectory, String externalDirectory, List<String> packages) {

    /** GraalPy's default Java resource path of the virtual file system. */
    public static final String DEFAULT_RESOURCE_DIRECTORY = "org.graalvm.python.vfs";

    public GraalPyConfiguration {
        resourceDirectory = blankToNull(resourceDirectory);
        externalDirectory = blankToNull(externalDirectory);
        packages = packages == null ? List.of() : packages.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * Where GraalPy expects the project's Python code: {@code <externalDirectory>/src}, or {@code <resources>/<resource
     * directory>/src} in the first of the project's resource directories that has one (Maven merges them all into
     * the jar), else in the first resource directory.
     *
     * @param resourceRoots the project's resource directories, absolute, in POM order
     */
    public Path pythonSourceDirectory(Path baseDir, List<Path> resourceRoots) {
        if (externalDirectory != null) {
            return baseDir.resolve(externalDirectory).resolve("src").normalize();
        }
        String vfs = resourceDirectory == null ? DEFAULT_RESOURCE_DIRECTORY : stripSlashes(resourceDirectory);
        List<Path> roots = resourceRoots.isEmpty() ? List.of(baseDir.resolve("src/main/resources")) : resourceRoots;
        return roots.stream().map(root -> root.resolve(vfs).resolve("src"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(roots.get(0).resolve(vfs).resolve("src"))
                .normalize();
    }

    /** The {@code <packages>} set against Requires-Dist; {@code copy} is {@code requiresFromGraalPyPackages}. */
    public GraalPyPackages packages(boolean copy) {
        return new GraalPyPackages(packages, copy);
    }

    private static String stripSlashes(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
