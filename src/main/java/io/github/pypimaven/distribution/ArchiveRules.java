package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PyPI's rules for what a file's archive holds and how it is written. */
final class ArchiveRules {

    private ArchiveRules() {
    }

    static List<Problem> check(Distribution d) {
        List<Problem> problems = new ArrayList<>();
        ArchiveContents contents = d.contents();
        if (!contents.dataDescriptorEntries().isEmpty()) {
            problems.add(new Problem(d.filename(), ValidationRule.ZIP_DATA_DESCRIPTOR, "Invalid distribution file "
                    + d.filename() + ". ZIP archive not accepted: ZIP contains a data descriptor (" + some(
                    contents.dataDescriptorEntries()) + "). The tool that wrote the ZIP streamed it (e.g. Java's"
                    + " ZipOutputStream); build the wheel with a standard build backend or a seekable ZIP writer"));
        }
        if (!contents.unsupportedCompression().isEmpty()) {
            String entries = contents.unsupportedCompression().entrySet().stream().limit(3)
                    .map(e -> e.getKey() + " (method " + e.getValue() + ")").collect(Collectors.joining(", "));
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
                            + licenseFile + " does not exist in distribution file " + d.filename() + " at "
                            + d.licenseFilePath(licenseFile) + ". Fix the license-files setting, or the build that"
                            + " should have included the file"));
                }
            }
        }
        return problems;
    }

    private static String some(List<String> names) {
        return String.join(", ", names.stream().limit(3).toList()) + (names.size() > 3 ? ", ..." : "");
    }
}
