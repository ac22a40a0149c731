package io.github.pypimaven.packaging;

import java.nio.file.Path;

/**
 * Everything needed to build the distributions of one project.
 *
 * @param baseDir the project directory; a pyproject.toml there supplies the metadata
 * @param sourceDirectory the Python sources (packages and modules at its top)
 * @param outputDirectory where the wheel and sdist are written
 * @param pythonTag the wheel's python tag, such as {@code py3} or {@code py2.py3}
 * @param outputTimestamp Maven's {@code project.build.outputTimestamp}, or null
 * @param generator the WHEEL file's Generator value, such as {@code pypi-maven-plugin 0.1.0}
 * @param sdist whether to build the sdist too
 */
public record BuildRequest(
        Path baseDir,
        Path sourceDirectory,
        Path outputDirectory,
        PomFacts pom,
        PackageOptions options,
        String pythonTag,
        String outputTimestamp,
        String generator,
        boolean sdist) {
}
