package io.github.pypimaven.index;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.nio.file.Path;

/**
 * One distribution file to put into a {@link LocalIndex}.
 *
 * @param file the distribution on disk
 * @param filename its PEP 427/625 name, which it keeps in the index
 * @param sha256 lower-case hex SHA-256 of the file; checked again while copying
 * @param metadata a wheel's METADATA bytes (served as the PEP 658 {@code .metadata} file), or null for an sdist
 * @param requiresPython the Requires-Python value, or null
 */
public record LocalIndexEntry(Path file, String filename, ProjectName name, Pep440Version version, String sha256,
        byte[] metadata, String requiresPython) {

    public LocalIndexEntry {
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isWheel() {
        return filename.endsWith(".whl");
    }

    public boolean isSdist() {
        return filename.endsWith(".tar.gz");
    }

    @Override
    public String toString() {
        return filename;
    }
}
