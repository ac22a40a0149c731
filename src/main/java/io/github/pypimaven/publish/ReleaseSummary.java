package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import io.github.pypimaven.upload.RepositoryUrl;
import java.util.ArrayList;
import java.util.List;

/** The closing lines of a run: one per file with its size and sha256, then where the release can be seen. */
record ReleaseSummary(ProjectName name, Pep440Version version, RepositoryUrl repository, List<PublishedFile> files) {

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Published " + name + " " + version + " to " + repository.host() + ":");
        for (PublishedFile file : files) {
            lines.add("  " + file.filename() + "  " + Sizes.human(file.size()) + "  sha256:" + file.sha256()
                    + (file.alreadyPresent() ? "  (already there, unchanged)" : ""));
        }
        projectPage().ifPresent(url -> lines.add("Release page: " + url));
        return lines;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## Published " + name + " " + version + " to " + repository.host() + "\n\n");
        out.append("| File | Size | SHA-256 |\n|---|---:|---|\n");
        for (PublishedFile file : files) {
            out.append("| `").append(file.filename()).append("` | ").append(Sizes.human(file.size())).append(" | `")
                    .append(file.sha256()).append("` |\n");
        }
        projectPage().ifPresent(url -> out.append("\nRelease page: ").append(url).append('\n'));
        return out.toString();
    }

    /** PyPI and TestPyPI show each release on a page of its own; other indexes have no known layout. */
    java.util.Optional<String> projectPage() {
        if (repository.isLocal()) {
            return java.util.Optional.empty();
        }
        String host = repository.uri().getHost();
        String site = switch (host) {
            case "upload.pypi.org", "pypi.org" -> "https://pypi.org";
            case "test.pypi.org" -> "https://test.pypi.org";
            default -> null;
        };
        return java.util.Optional.ofNullable(site).map(s -> s + "/project/" + name.normalized() + "/" + version + "/");
    }
}
