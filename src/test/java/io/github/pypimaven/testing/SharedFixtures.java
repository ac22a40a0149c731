package io.github.pypimaven.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared fixtures next to the project (real PEP 740 attestations with their files, Sigstore trusted roots), found
 * through the system property {@code pypimaven.shared} that the POM passes to the tests. Never copied into the
 * project; a test that needs them skips, saying so, where they are absent.
 */
public final class SharedFixtures {

    public static final String ABSENT = "the shared fixtures (system property pypimaven.shared, directory"
            + " fixtures/pep740) are not present";

    private SharedFixtures() {}

    public static Optional<Path> pep740() {
        String shared = System.getProperty("pypimaven.shared");
        if (shared == null || shared.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(shared).resolve("fixtures/pep740");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
}
