package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** PyPI's rules for what a file's archive holds and how it is written. */
final class ArchiveRules {

    private ArchiveRules() {
    }

    static List<Problem> check(Distribution d) {
        List<Problem> problems = new ArrayList<>();
        ArchiveContents contents = d.contents();
        unsafeMembers(d).ifPresent(problems::add);
        if (!contents.dataDescriptorEntries().isEmpty()) {
            problems.add(new Problem(d.filename(), ValidationRule.ZIP_DATA_DESCRIPTOR, "Invalid distribution file "
                    + d.filename() + ". ZIP archive not accepted: ZIP contains a data descriptor (" + some(
                    contents.dataDescriptorEntries()) + "). The tool that wrote the ZIP streamed it (e.g. Java's"
                    + " ZipOutputStream); build the wheel with a standard build backend or a seekable ZIP writer"));
        }
        if (!contents.unsupportedCompression().isEmpty()) {
            String entries = contents.unsupportedCompression().entrySet().stream().limit(3)
                    .map(e -> ArchiveMemberName.shown(e.getKey()) + " (method " + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            problems.add(new Problem(d.filename(), ValidationRule.ZIP_COMPRESSION, "Invalid distribution file "
                    + d.filename() + ". File does not use a supported compression type: " + entries + ". PyPI accepts"
                    + " only STORED and DEFLATED members; rebuild the wheel without other compression"));
        }
        if (d.kind() == DistributionKind.WHEEL) {
            for (String required : List.of("WHEEL", "RECORD")) {
                String path = contents.root() + "/" + required;
                if (!contents.contains(path)) {
                    problems.add(new Problem(d.filename(), ValidationRule.WHEEL_CONTENTS, "Wheel '" + d.filename()
                            + "' does not contain the required " + required + " file: " + path + ". Rebuild the"
                            + " wheel with a PEP 517 build backend"));
                }
            }
        }
        if (!contents.sparseEntries().isEmpty()) {
            problems.add(new Problem(d.filename(), ValidationRule.SPARSE_TAR_MEMBER, "Invalid distribution file "
                    + d.filename() + ". tar archive not accepted: Sparse members are not allowed (" + some(
                    contents.sparseEntries()) + "). Build the sdist with a PEP 517 build backend, which writes pax"
                    + " archives without sparse members"));
        }
        if (!d.metadata().hasPrematureLicenseFiles()) {
            for (String licenseFile : d.metadata().getAll(MetadataField.LICENSE_FILE)) {
                if (!d.containsLicenseFile(licenseFile)) {
                    problems.add(new Problem(d.filename(), ValidationRule.LICENSE_FILE_MISSING, "License-File "
                            + ArchiveMemberName.shown(licenseFile) + " does not exist in distribution file "
                            + d.filename() + " at " + ArchiveMemberName.shown(d.licenseFilePath(licenseFile))
                            + ". Fix the license-files setting, or the build that"
                            + " should have included the file"));
                }
            }
        }
        return problems;
    }

    /**
     * Members whose names (or link targets) would put a file outside the directory the archive is unpacked into:
     * listed as foreign text, since such a name is built to do harm.
     */
    private static Optional<Problem> unsafeMembers(Distribution d) {
        List<String> unsafe = new ArrayList<>();
        for (String name : d.contents().entryNames()) {
            ArchiveMemberName.problem(name).ifPresent(why -> unsafe.add("'" + ArchiveMemberName.shown(name) + "' "
                    + why));
        }
        for (ArchiveContents.Link link : d.contents().links()) {
            ArchiveMemberName.linkProblem(link.member(), link.target(), link.symbolic()).ifPresent(why -> unsafe.add(
                    "'" + ArchiveMemberName.shown(link.member()) + "' " + why));
        }
        if (unsafe.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(d.filename(), ValidationRule.ARCHIVE_MEMBER, "Invalid distribution"
                + " file " + d.filename() + ": " + unsafe.size() + " member" + (unsafe.size() == 1 ? "" : "s")
                + " would be unpacked outside the install directory or cannot be named safely: "
                + String.join("; ", unsafe.stream().limit(3).toList()) + (unsafe.size() > 3 ? "; ..." : "")
                + ". A member name must be a relative '/'-separated path without '..', '\\' or control characters,"
                + " and a link must point inside the archive. Rebuild the distribution from a clean source tree with a"
                + " standard build backend"));
    }

    /** Up to three member names, as foreign text: a name read from an archive may carry a line break. */
    private static String some(List<String> names) {
        return String.join(", ", names.stream().limit(3).map(ArchiveMemberName::shown).toList())
                + (names.size() > 3 ? ", ..." : "");
    }
}
