package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.DistributionKind;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
            LOG.debug("Ignoring {}: not a distribution", file);
        }
    }

    private static List<Path> match(Path baseDirectory, String pattern) throws PublishException {
        String normalized = pattern.replace('\\', '/');
        if (!normalized.contains("*") && !normalized.contains("?") && !normalized.contains("[") && !normalized.contains("{")) {
            Path file = baseDirectory.resolve(normalized).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        // Walk from the last directory before the first wildcard; match the rest as a glob.
        int wildcard = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', wildcard);
        Path root = baseDirectory.resolve(slash < 0 ? "" : normalized.substring(0, slash)).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path absolutePattern = baseDirectory.resolve(normalized).normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern.toString().replace("\\", "\\\\"));
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new PublishException("Could not read " + root + " for the distributions pattern '" + pattern + "': " + e.getMessage());
        }
    }

    private static int firstWildcard(String pattern) {
        int index = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                index = Math.min(index, i);
            }
        }
        return index;
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
