package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PyPI's rules for a file's name against its metadata. A name or version part is compared only with a valid Name or
 * Version: an invalid one is a problem of its own, and a file name cannot be judged against it.
 */
final class FilenameRules {

    private FilenameRules() {
    }

    static List<Problem> check(Distribution d) {
        List<Problem> problems = new ArrayList<>();
        if (d.kind() == DistributionKind.WHEEL) {
            checkWheel(d, problems);
        } else {
            checkSdist(d, problems);
        }
        return problems;
    }

    private static void checkWheel(Distribution d, List<Problem> problems) {
        WheelFilename wheel = WheelFilename.parse(d.filename());
        Optional<ProjectName> name = d.validName();
        if (name.isPresent()) {
            String expected = name.get().filenameForm();
            if (!wheel.normalizedName().equals(name.get().normalized())) {
                problems.add(new Problem(d.filename(), ValidationRule.FILENAME_NAME, d.filename() + " is named for"
                        + " project '" + wheel.namePart() + "' but its metadata says Name '" + name.get() + "'; PyPI"
                        + " wants the file name to start with '" + expected + "'. Rebuild the wheel; do not rename"
                        + " it"));
            } else if (!wheel.namePart().equals(expected)) {
                problems.add(new Problem(d.filename(), ValidationRule.FILENAME_NAME, "Filename '" + d.filename()
                        + "' should contain the normalized project name '" + expected + "', not '" + wheel.namePart()
                        + "'. Rebuild with a current build backend, which writes normalized file names (renaming the"
                        + " file alone breaks its .dist-info directory)"));
            }
        }
        if (d.validVersion().isPresent() && !wheel.version().equals(d.validVersion().get())) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_VERSION, d.filename() + ": the version in"
                    + " the file name is '" + wheel.versionPart() + "' but the metadata says '" + d.metadata().version()
                    + "'. Rebuild the wheel"));
        }
        for (String platform : wheel.platformTags()) {
            PlatformTags.refusal(platform).ifPresent(why -> problems.add(new Problem(d.filename(),
                    ValidationRule.PLATFORM_TAG, "Binary wheel '" + d.filename() + "' has an unsupported platform tag '"
                    + platform + "': " + why)));
        }
    }

    private static void checkSdist(Distribution d, List<Problem> problems) {
        if (d.validName().isEmpty() || d.validVersion().isEmpty()) {
            return;
        }
        ProjectName name = d.validName().get();
        Pep440Version version = d.validVersion().get();
        String expected = SdistFilename.expected(name, version);
        if (d.filename().equals(expected)) {
            return;
        }
        Optional<SdistFilename> sdist = SdistFilename.tryParse(d.filename())
                .map(s -> SdistFilename.parse(d.filename(), name, version));
        if (sdist.isPresent() && !ProjectName.normalize(sdist.get().namePart()).equals(name.normalized())) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_NAME, d.filename() + " is named for"
                    + " project '" + sdist.get().namePart() + "' but its metadata says Name '" + name + "'; PyPI wants the file name"
                    + " to start with '" + name.filenameForm() + "'. Rebuild the sdist"));
        } else if (sdist.isPresent() && !sdist.get().version().equals(version)) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_VERSION, d.filename() + ": the version in"
                    + " the file name is '" + sdist.get().versionPart() + "' but the metadata says '"
                    + d.metadata().version() + "'. Rebuild the sdist"));
        }
        problems.add(new Problem(d.filename(), ValidationRule.SDIST_FILENAME, "Filename '" + d.filename()
                + "' is invalid, should be '" + expected + "' (PEP 625: normalized name with '_', normalized version)."
                + " Rebuild the sdist with a current build backend"));
    }
}
