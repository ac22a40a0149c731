package io.github.pypimaven.publish;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.distribution.DistributionKind;
import io.github.pypimaven.files.FileGlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files to publish: the project's artifacts whose names are wheel or sdist names, plus the files the
 * {@code distributions} patterns match. A file found both ways counts once.
 */
@Named
@Singleton
public class DistributionFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionFiles.class);

    /**
     * @param artifacts the files of the project's main and attached artifacts (any kind; others are ignored)
     * @param baseDirectory what relative patterns are resolved against
     * @param patterns paths or globs ({@code target/dist/*}, {@code dist/**}); each must match at least one distribution
     */
    public List<Path> collect(List<Path> artifacts, Path baseDirectory, List<String> patterns) throws PublishException {
        Map<Path, Path> found = new LinkedHashMap<>();
        for (Path artifact : artifacts) {
            if (artifact != null && Files.isRegularFile(artifact) && isCandidate(artifact)) {
                found.putIfAbsent(identity(artifact), artifact);
            }
        }
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                continue;
            }
            List<Path> matched = match(baseDirectory, pattern.strip());
            List<Path> distributions = matched.stream().filter(DistributionFiles::isCandidate).toList();
            matched.stream().filter(p -> !isCandidate(p)).forEach(DistributionFiles::explainIgnored);
            if (distributions.isEmpty()) {
                throw new PublishException("distributions (pypi.distributions) pattern '" + pattern + "' matched "
                        + (matched.isEmpty() ? "no file" : "no .whl or .tar.gz file") + " under " + baseDirectory
                        + ". Check the path, or build the distributions first.");
            }
            distributions.forEach(p -> found.putIfAbsent(identity(p), p));
        }
        return new ArrayList<>(found.values());
    }

    /** Only .whl and .tar.gz can be uploaded to PyPI; the file-name grammar is checked later, with a clear error. */
    static boolean isCandidate(Path file) {
        return DistributionKind.classify(file.getFileName().toString()).isCandidate();
    }

    private static void explainIgnored(Path file) {
        DistributionKind.Classification classification = DistributionKind.classify(file.getFileName().toString());
        if (classification.isRejectedDistribution()) {
            LOG.warn("Ignoring {}", classification.rejection().get());
        } else {
            LOG.debug("Ignoring {}: not a distribution", ForeignText.line(file.toString(), 4096, List.of()));
        }
    }

    /** Patterns are relative to the base directory; the walk starts at the last directory before a wildcard. */
    private static List<Path> match(Path baseDirectory, String pattern) throws PublishException {
        try {
            return new FileGlob(baseDirectory, pattern.replace('\\', '/')).files();
        } catch (IOException e) {
            throw new PublishException("Could not read " + baseDirectory + " for the distributions pattern '" + pattern
                    + "': " + ForeignText.line(e.getMessage())); // it names a file found on the way
        }
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
