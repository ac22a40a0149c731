package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PyPI's rules between the files of one release: one project, one version, at most one sdist, no file twice. Names
 * are compared in their normalized form and versions as PEP 440 versions, or as written where one is not valid (which
 * is a problem of its own).
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
        Set<String> filenames = new HashSet<>();
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
            if (!filenames.add(d.filename())) {
                problems.add(new Problem(d.filename(), ValidationRule.DUPLICATE_FILENAME, d.filename() + " is listed"
                        + " twice (" + d.path() + "); each file can be uploaded once. Remove the duplicate from the"
                        + " configuration"));
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
