package io.github.pypimaven.testing.pypi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warehouse's own metadata rules on top of packaging's ({@code _validate_metadata} in
 * {@code warehouse/forklift/metadata.py}). Errors are {field, message} pairs.
 *
 * <p>Left out because they need data this fake does not carry: the trove classifier list and e-mail address
 * validation.
 */
final class WarehouseMetadataRules {

    private static final Set<String> SUPPORTED_METADATA_VERSIONS =
            Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final Set<String> DYNAMIC_FIELDS = Set.of("platform", "supported-platform", "summary",
            "description", "description-content-type", "keywords", "home-page", "download-url", "author",
            "author-email", "maintainer", "maintainer-email", "license", "license-expression", "license-file",
            "classifier", "requires-dist", "requires-python", "requires-external", "project-url", "provides-extra",
            "provides-dist", "obsoletes-dist", "requires", "provides", "obsoletes", "import-name", "import-namespace");

    private WarehouseMetadataRules() {
    }

    /** {@code _parse_project_urls}: a label given twice makes the whole field unparsable. */
    static boolean hasDuplicateLabels(List<String> urls) {
        Set<String> labels = new LinkedHashSet<>();
        for (String pair : urls) {
            int comma = pair.indexOf(',');
            if (!labels.add(PyText.strip(comma < 0 ? pair : pair.substring(0, comma)))) {
                return true;
            }
        }
        return false;
    }

    /** Run only on a known metadata version (packaging refuses the rest itself). */
    static void check(Map<String, List<String>> raw, List<String[]> errors, boolean knownVersion) {
        String metadataVersion = PackagingFieldRules.one(raw, "metadata_version");
        if (knownVersion && !SUPPORTED_METADATA_VERSIONS.contains(metadataVersion)) {
            errors.add(new String[] {"metadata-version", PyRepr.of(metadataVersion) + " is not a valid metadata version"});
        }
        String version = PackagingFieldRules.one(raw, "version");
        PyVersion parsed = version == null ? null : PyVersion.parse(version);
        if (parsed != null && parsed.isLocal()) {
            errors.add(new String[] {"version", "The use of local versions in '" + parsed + "' is not allowed."});
        }
        String summary = PackagingFieldRules.one(raw, "summary");
        if (summary != null && PyText.len(summary) > 512) {
            errors.add(new String[] {"summary", "'summary' field must be 512 characters or less."});
        }
        for (String field : List.of("home_page", "download_url")) {
            String url = PackagingFieldRules.one(raw, field);
            if (url != null && !WarehouseUri.isValid(url)) {
                errors.add(new String[] {field.replace('_', '-'), PyRepr.of(url) + " is not a valid url."});
            }
        }
        for (String pair : raw.getOrDefault("project_urls", List.of())) {
            int comma = pair.indexOf(',');
            String label = PyText.strip(comma < 0 ? pair : pair.substring(0, comma));
            String url = comma < 0 ? "" : PyText.strip(pair.substring(comma + 1));
            if (label.isEmpty()) {
                errors.add(new String[] {"project-url", "Must have a label"});
            } else if (PyText.len(label) > 32) {
                errors.add(new String[] {"project-url", PyRepr.of(label) + " must be 32 characters or less."});
            } else if (url.isEmpty()) {
                errors.add(new String[] {"project-url", "Must have a URL"});
            } else if (!WarehouseUri.isValid(url)) {
                errors.add(new String[] {"project-url", PyRepr.of(url) + " is not a valid url"});
            }
        }
        for (String field : List.of("provides_dist", "obsoletes_dist")) {
            for (String req : raw.getOrDefault(field, List.of())) {
                if (directUrl(req) != null) {
                    errors.add(new String[] {field.replace('_', '-'), "Can't have direct dependency: " + PyRepr.of(req)});
                }
            }
        }
        for (String req : raw.getOrDefault("requires_dist", List.of())) {
            String canonical = directUrl(req);
            if (canonical != null) {
                errors.add(new String[] {"requires-dist", "Can't have direct dependency: " + canonical});
            }
        }
        for (String d : raw.getOrDefault("dynamic", List.of())) {
            if (!DYNAMIC_FIELDS.contains(d.toLowerCase(Locale.ROOT))) {
                errors.add(new String[] {"dynamic", "Dynamic field " + PyRepr.of(d.toLowerCase(Locale.ROOT))
                        + " is not a valid dynamic field."});
            }
        }
        if (PackagingFieldRules.one(raw, "license") != null && PackagingFieldRules.one(raw, "license_expression") != null) {
            errors.add(new String[] {"license", "License is deprecated when License-Expression is present. "
                    + "Only License-Expression should be present."});
        }
    }

    /**
     * For a PEP 508 requirement with a direct reference ({@code name @ url}), the requirement as packaging prints
     * it ({@code name[extras]@ url ; marker}); null when there is no URL.
     */
    static String directUrl(String requirement) {
        var m = PackagingFieldRules.REQUIREMENT.matcher(requirement);
        if (!m.matches() || !m.group("rest").startsWith("@")) {
            return null;
        }
        String rest = m.group("rest").substring(1).strip();
        String url = rest;
        String marker = null;
        int semi = rest.indexOf(" ;");
        if (semi < 0) {
            semi = rest.indexOf("; ");
        }
        if (semi >= 0) {
            url = rest.substring(0, semi).strip();
            marker = rest.substring(semi).replaceFirst("^\\s*;\\s*", "").strip();
        }
        StringBuilder out = new StringBuilder(m.group("name"));
        if (m.group("extras") != null && !m.group("extras").isBlank()) {
            out.append('[').append(String.join(",", new TreeSet<>(List.of(m.group("extras").replace(" ", "").split(",")))))
                    .append(']');
        }
        out.append("@ ").append(url);
        if (marker != null) {
            out.append(" ; ").append(marker);
        }
        return out.toString();
    }
}
