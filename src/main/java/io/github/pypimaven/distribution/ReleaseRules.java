package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules between the files of one release. PyPI's: at most one sdist per release, and one file name for one content
 * (an identical file twice is uploaded once, see {@link #withoutRepeats}). The plugin's own: one publish is one
 * release, one project and one version, because the index comparison, the summary and the all-or-nothing promise are
 * per release. Names are compared in their normalized form and versions as PEP 440 versions, or as written where one
 * is not valid (which is a problem of its own).
 */
final class ReleaseRules {

    private ReleaseRules() {
    }

    static List<Problem> check(List<Distribution> all) {
        List<Problem> problems = new ArrayList<>();
        if (all.isEmpty()) {
            return problems;
        }
        Distribution first = all.get(0);
        Map<String, Distribution> byFilename = new HashMap<>();
        Distribution sdist = null;
        for (Distribution d : all) {
            if (!sameName(d, first)) {
                problems.add(new Problem(d.filename(), ValidationRule.RELEASE_NAME, d.filename() + " is for project '"
                        + d.metadata().name() + "' but " + first.filename() + " is for '" + first.metadata().name()
                        + "'; one upload publishes one project's release. Upload them separately"));
            } else if (!sameVersion(d, first)) {
                problems.add(new Problem(d.filename(), ValidationRule.RELEASE_VERSION, d.filename() + " is version "
                        + version(d) + " but " + first.filename() + " is version " + version(first) + "; all files of"
                        + " a release share one version. Remove stale files from the build output (mvn clean)"));
            }
            Distribution same = byFilename.putIfAbsent(d.filename(), d);
            // Only a file name listed twice needs the digests, and the same path twice is the same file.
            if (same != null && !same.path().equals(d.path()) && !same.sha256().equals(d.sha256())) {
                problems.add(new Problem(d.filename(), ValidationRule.DUPLICATE_FILENAME, d.filename() + " is listed"
                        + " twice with different contents (" + same.path() + " and " + d.path() + "); PyPI would refuse"
                        + " the second (\"File already exists\"). Remove the stale copy"));
            }
            if (d.kind() == DistributionKind.SDIST) {
                if (sdist != null && !sdist.filename().equals(d.filename())) {
                    problems.add(new Problem(d.filename(), ValidationRule.SECOND_SDIST, d.filename() + " is a second"
                            + " source distribution besides " + sdist.filename() + "; PyPI allows only one sdist per"
                            + " release. Upload only one"));
                } else if (sdist == null) {
                    sdist = d;
                }
            }
        }
        return problems;
    }

    /**
     * The files of a release that passed {@link #check} in order, each file name once: a repeated file is identical
     * then, and uploaded once.
     */
    static List<Distribution> withoutRepeats(List<Distribution> all) {
        Map<String, Distribution> first = new LinkedHashMap<>();
        for (Distribution d : all) {
            first.putIfAbsent(d.filename(), d);
        }
        return List.copyOf(first.values());
    }

    private static boolean sameName(Distribution a, Distribution b) {
        return ProjectName.normalize(a.metadata().name()).equals(ProjectName.normalize(b.metadata().name()));
    }

    private static boolean sameVersion(Distribution a, Distribution b) {
        Optional<Pep440Version> x = a.validVersion();
        Optional<Pep440Version> y = b.validVersion();
        return x.isPresent() && y.isPresent() ? x.equals(y) : a.metadata().version().equals(b.metadata().version());
    }

    /** The normalized version, or the Version field as written when it is not a valid one. */
    private static String version(Distribution d) {
        return d.validVersion().map(Pep440Version::toString).orElse(d.metadata().version());
    }
}
