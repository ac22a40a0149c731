package io.github.pypimaven.packaging;

import java.util.List;

/**
 * The plugin parameters that say what a POM cannot. Null (or an empty list where noted) means "not set".
 *
 * @param pythonVersion overrides the conversion of the Maven version
 * @param license an SPDX expression that overrides the POM's first license name
 * @param dependencies PEP 508 requirement strings
 * @param entryPoints console scripts as {@code name=module:function}
 * @param readme path of the readme, relative to the base directory or absolute
 * @param licenseFiles globs relative to the base directory; null means PEP 639's suggested defaults
 * @param graalPyPackages graalpy-maven-plugin's {@code <packages>}, compared with (or copied into) Requires-Dist
 */
public record PackageOptions(
        String pythonVersion,
        String requiresPython,
        String license,
        List<String> dependencies,
        List<String> entryPoints,
        String readme,
        List<String> licenseFiles,
        GraalPyPackages graalPyPackages) {

    /** PEP 639's suggestion for files to pick up when nothing is configured. */
    public static final List<String> DEFAULT_LICENSE_FILES = List.of("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*");

    public PackageOptions {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        entryPoints = entryPoints == null ? List.of() : List.copyOf(entryPoints);
        licenseFiles = licenseFiles == null ? null : List.copyOf(licenseFiles);
        graalPyPackages = graalPyPackages == null ? GraalPyPackages.none() : graalPyPackages;
    }

    /** The options of a project without graalpy-maven-plugin. */
    public PackageOptions(String pythonVersion, String requiresPython, String license, List<String> dependencies,
            List<String> entryPoints, String readme, List<String> licenseFiles) {
        this(pythonVersion, requiresPython, license, dependencies, entryPoints, readme, licenseFiles, GraalPyPackages.none());
    }

    public static PackageOptions none() {
        return new PackageOptions(null, null, null, List.of(), List.of(), null, null);
    }
}
