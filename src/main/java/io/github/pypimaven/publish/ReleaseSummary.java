package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.util.ArrayList;
import java.util.List;

/** The closing lines of a run: one per file with its size and sha256, then where to look next. */
record ReleaseSummary(ProjectName name, Pep440Version version, String targetName, PublishedRelease release) {

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Published " + name + " " + version + " to " + targetName + ":");
        for (PublishedFile file : release.files()) {
            lines.add("  " + file.filename() + "  " + Sizes.human(file.size()) + "  sha256:" + file.sha256()
                    + (file.alreadyPresent() ? "  (already there, unchanged)" : ""));
            file.attestations().forEach(entry -> lines.add("    attestation: " + entry));
        }
        release.followUp().ifPresent(lines::add);
        return lines;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## Published " + name + " " + version + " to " + targetName + "\n\n");
        boolean attested = release.files().stream().anyMatch(f -> !f.attestations().isEmpty());
        out.append("| File | Size | SHA-256 |").append(attested ? " Attestation |" : "").append("\n|---|---:|---|")
                .append(attested ? "---|" : "").append('\n');
        for (PublishedFile file : release.files()) {
            out.append("| `").append(file.filename()).append("` | ").append(Sizes.human(file.size())).append(" | `")
                    .append(file.sha256()).append("` |");
            if (attested) {
                out.append(' ').append(String.join("<br>", file.attestations().stream()
                        .map(e -> "[Rekor log index " + e.logIndex() + "](" + e.url() + ")").toList())).append(" |");
            }
            out.append('\n');
        }
        release.followUp().ifPresent(line -> out.append('\n').append(line).append('\n'));
        return out.toString();
    }
}
