package io.github.pypimaven.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes core metadata as the email-header text of the core metadata specification. Fields come in the order of
 * the specification; the description is the message body, so it needs no escaping.
 */
public final class CoreMetadataWriter {

    /** The version we write; "2.2" exists only for tools (such as twine 4) that refuse newer versions. */
    public static final String METADATA_VERSION = "2.4";

    private CoreMetadataWriter() {
    }

    public static String write(ProjectMetadata m) {
        return write(m, METADATA_VERSION);
    }

    /**
     * @param metadataVersion "2.4", or "2.2" to leave out the fields of 2.3/2.4 (License-Expression, License-File)
     */
    static String write(ProjectMetadata m, String metadataVersion) {
        boolean v24 = !metadataVersion.equals("2.2");
        StringBuilder out = new StringBuilder();
        header(out, "Metadata-Version", metadataVersion);
        header(out, "Name", m.name().raw());
        header(out, "Version", m.version().normalized());
        header(out, "Summary", m.summary());
        if (!m.keywords().isEmpty()) {
            header(out, "Keywords", String.join(",", m.keywords()));
        }
        header(out, "Author", names(m.authors()));
        header(out, "Author-email", mailboxes(m.authors()));
        header(out, "Maintainer", names(m.maintainers()));
        header(out, "Maintainer-email", mailboxes(m.maintainers()));
        if (v24) {
            header(out, "License-Expression", m.licenseExpression());
        } else if (m.licenseExpression() != null && m.legacyLicense() == null) {
            header(out, "License", m.licenseExpression());
        }
        header(out, "License", m.legacyLicense());
        if (v24) {
            m.licenseFiles().forEach(f -> header(out, "License-File", f));
        }
        m.classifiers().forEach(c -> header(out, "Classifier", c));
        header(out, "Requires-Python", m.requiresPython());
        m.dependencies().forEach(d -> header(out, "Requires-Dist", d));
        for (Map.Entry<String, List<String>> extra : m.optionalDependencies().entrySet()) {
            for (String requirement : extra.getValue()) {
                header(out, "Requires-Dist", withExtraMarker(requirement, extra.getKey()));
            }
        }
        m.projectUrls().forEach((label, url) -> header(out, "Project-URL", label + ", " + url));
        m.optionalDependencies().keySet().forEach(e -> header(out, "Provides-Extra", e));
        header(out, "Description-Content-Type", m.description() == null ? null : m.descriptionContentType());
        if (m.description() != null) {
            out.append('\n').append(m.description());
            if (!m.description().endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** {@code req; marker} becomes {@code req; (marker) and extra == "name"}, keeping the marker's meaning. */
    static String withExtraMarker(String requirement, String extra) {
        int semicolon = requirement.indexOf(';');
        String marker = "extra == \"" + extra + "\"";
        if (semicolon < 0) {
            return requirement.strip() + "; " + marker;
        }
        return requirement.substring(0, semicolon).strip() + "; (" + requirement.substring(semicolon + 1).strip()
                + ") and " + marker;
    }

    private static String names(List<Person> people) {
        List<String> names = new ArrayList<>();
        people.stream().filter(p -> p.email() == null).forEach(p -> names.add(p.name()));
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String mailboxes(List<Person> people) {
        List<String> boxes = new ArrayList<>();
        people.stream().filter(p -> p.email() != null).forEach(p -> boxes.add(p.mailbox()));
        return boxes.isEmpty() ? null : String.join(", ", boxes);
    }

    /** Multi-line values (only the legacy License text) are folded with the 8-space continuation PyPI reads. */
    private static void header(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        String folded = value.strip().replace("\r\n", "\n").replace("\n", "\n        ");
        out.append(name).append(": ").append(folded).append('\n');
    }
}
