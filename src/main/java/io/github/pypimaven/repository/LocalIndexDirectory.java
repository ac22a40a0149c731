package io.github.pypimaven.repository;

import java.nio.file.Path;

/** A local PEP 503 index in a directory ({@code file:} repository URL): pip installs from it, nothing is uploaded. */
public record LocalIndexDirectory(Path directory) implements PublishTarget {

    @Override
    public String displayName() {
        return "local index " + directory;
    }

    @Override
    public String toString() {
        return directory.toUri().toString();
    }
}
