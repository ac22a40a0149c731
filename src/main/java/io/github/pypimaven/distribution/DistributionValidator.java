package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks distributions against the rules PyPI applies on upload, before anything is uploaded: a release is published
 * whole or not at all, so every file is checked first and every problem reported at once. The rules live in one class
 * per subject: {@link MetadataRules}, {@link FilenameRules}, {@link ArchiveRules} and {@link ReleaseRules}.
 */
@Named
@Singleton
public class DistributionValidator {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionValidator.class);

    private static final long PYPI_DEFAULT_FILE_LIMIT = 100L * 1024 * 1024;

    /** All problems of one file: its metadata, its file name, its archive. */
    public List<Problem> check(Distribution d) {
        List<Problem> problems = new ArrayList<>(checkMetadata(d.filename(), d.metadata()));
        problems.addAll(FilenameRules.check(d));
        problems.addAll(ArchiveRules.check(d));
        for (String note : notes(d)) {
            LOG.info(note);
        }
        for (String warning : warnings(d)) {
            LOG.warn(warning);
        }
        return problems;
    }

    /**
     * What the plugin is stricter about than PyPI: things PyPI accepts but that are likely mistakes. They never fail
     * a release.
     */
    public List<String> warnings(Distribution d) {
        List<String> warnings = new ArrayList<>(MetadataRules.warnings(d.filename(), d.metadata()));
        if (d.size() > PYPI_DEFAULT_FILE_LIMIT) {
            warnings.add(d.filename() + " is " + d.size() / (1024 * 1024) + " MiB; PyPI's default limit is 100 MiB per"
                    + " file: the upload fails unless the project has a larger limit"
                    + " (https://docs.pypi.org/project-management/storage-limits)");
        }
        return warnings;
    }

    /**
     * All problems of a release: those of each file, then those between files (one name, one version, at most one
     * sdist, one content per file name).
     */
    public List<Problem> checkRelease(List<Distribution> all) {
        List<Problem> problems = new ArrayList<>();
        for (Distribution d : all) {
            problems.addAll(check(d));
        }
        problems.addAll(checkConsistency(all));
        return problems;
    }

    /**
     * Checks a release and fails with every problem listed, one per line.
     *
     * @return the files to upload: all of them, except that a file listed twice with the same contents is there once
     */
    public List<Distribution> requireValid(List<Distribution> all) {
        List<Problem> problems = checkRelease(all);
        if (!problems.isEmpty()) {
            throw new DistributionException(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " found; nothing was uploaded:\n  " + problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("\n  ")));
        }
        List<Distribution> once = ReleaseRules.withoutRepeats(all);
        if (once.size() < all.size()) {
            List<String> names = all.stream().map(Distribution::filename).toList();
            List<String> repeated = names.stream().filter(n -> names.indexOf(n) != names.lastIndexOf(n)).distinct()
                    .toList();
            LOG.warn("Listed more than once with the same contents, uploaded once: {}", String.join(", ", repeated));
        }
        return once;
    }

    /** What is worth telling the user about a file without failing it. */
    public List<String> notes(Distribution d) {
        List<String> notes = new ArrayList<>(d.metadata().notes());
        CoreMetadata m = d.metadata();
        if (m.hasPrematureLicenseFiles()) {
            notes.add(d.filename() + ": License-File was introduced in Metadata-Version 2.4 but the file declares "
                    + m.metadataVersion() + "; the License-File values are left out of the upload (as twine does)."
                    + " A current build backend writes Metadata-Version 2.4");
        }
        if (m.description().isPresent() && m.get(MetadataField.DESCRIPTION_CONTENT_TYPE).isEmpty()) {
            notes.add(d.filename() + ": the description has no Description-Content-Type; PyPI renders it as"
                    + " reStructuredText and refuses it if it does not render. Declare the readme's content type");
        }
        return notes;
    }

    /** The metadata rules alone, for metadata that is not (yet) in a distribution. */
    public List<Problem> checkMetadata(String filename, CoreMetadata m) {
        return MetadataRules.check(filename, m);
    }

    /** The rules between the files of one release. */
    public List<Problem> checkConsistency(List<Distribution> all) {
        return ReleaseRules.check(all);
    }
}
