package io.github.pypimaven.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The regular files {@code <file>.*.attestation} next to each distribution, sorted by name, by distribution. Each
     * directory is listed once, not once per file: a release of hundreds of wheels in one directory would otherwise
     * list it hundreds of times.
     */
    static Map<Path, List<Path>> find(List<Path> distributions) throws IOException {
        Map<Path, List<Path>> entries = new HashMap<>();
        for (Path distribution : distributions) {
            Path directory = distribution.toAbsolutePath().getParent();
            if (!entries.containsKey(directory)) {
                try (Stream<Path> listing = Files.list(directory)) {
                    entries.put(directory, listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList());
                }
            }
        }
        Map<Path, List<Path>> found = new LinkedHashMap<>();
        for (Path distribution : distributions) {
            String prefix = distribution.getFileName() + ".";
            List<Path> files = new ArrayList<>();
            for (Path p : entries.get(distribution.toAbsolutePath().getParent())) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.length() > prefix.length() + SUFFIX.length()
                        && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
            files.sort(null);
            found.put(distribution, List.copyOf(files));
        }
        return found;
    }
}
