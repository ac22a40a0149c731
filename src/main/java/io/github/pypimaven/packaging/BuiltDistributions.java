package io.github.pypimaven.packaging;

import java.nio.file.Path;

/**
 * The files of one build.
 *
 * @param wheelTag the wheel's compatibility tag as in its file name, such as {@code py2.py3-none-any}
 * @param sdist the sdist, or null when it was not requested
 */
public record BuiltDistributions(ProjectMetadata metadata, Path wheel, String wheelTag, Path sdist) {
}
