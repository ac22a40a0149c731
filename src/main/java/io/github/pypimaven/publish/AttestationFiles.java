package io.github.pypimaven.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The attestation files next to a distribution file, named as twine looks for them: {@code <file>.<kind>.attestation}.
 * {@code <file>.publish.attestation} is the publish attestation, which the plugin also writes for the files it attests.
 */
final class AttestationFiles {

    static final String PUBLISH_SUFFIX = ".publish.attestation";
    private static final String SUFFIX = ".attestation";

    private AttestationFiles() {}

    /** Where the publish attestation of {@code distribution} is, or goes. */
    static Path publishFile(Path distribution) {
        return distribution.resolveSibling(distribution.getFileName() + PUBLISH_SUFFIX);
    }

    /** Whether {@code found} (from {@link #find}) holds the publish attestation of {@code distribution}. */
    static boolean hasPublish(Path distribution, List<Path> found) {
        String name = distribution.getFileName() + PUBLISH_SUFFIX;
        return found.stream().anyMatch(p -> p.getFileName().toString().equals(name));
    }

    /** The regular files {@code <file>.*.attestation} next to {@code distribution}, sorted by name. */
    static List<Path> find(Path distribution) throws IOException {
        String prefix = distribution.getFileName() + ".";
        Path directory = distribution.toAbsolutePath().getParent();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(SUFFIX) && name.length() > prefix.length()
                        + SUFFIX.length() && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }
}
