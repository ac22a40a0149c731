package io.github.pypimaven.index;

import java.nio.file.Path;

/**
 * The outcome of putting one file into a {@link LocalIndex}.
 *
 * @param location where the file now is
 * @param alreadyPresent true when the identical file was there already, so nothing changed
 */
public record IndexedFile(String filename, String sha256, Path location, boolean alreadyPresent) {
}
