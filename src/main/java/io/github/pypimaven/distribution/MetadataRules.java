package io.github.pypimaven.distribution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** PyPI's rules for the core metadata of one file, by itself. */
final class MetadataRules {

    private static final Set<String> ACCEPTED_METADATA_VERSIONS =
            Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final int MAX_SUMMARY = 512;
    private static final int MAX_URL_LABEL = 32;
    /** A PEP 508 URL requirement: {@code name [extras] @ url}. */
    private static final Pattern DIRECT_REFERENCE =
            Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@.*", Pattern.DOTALL);
    private static final String REBUILD = "rebuild with a current build backend";

    private final String filename;
    private final CoreMetadata m;
    private final List<Problem> problems = new ArrayList<>();

    private MetadataRules(String filename, CoreMetadata m) {
        this.filename = filename;
        this.m = m;
    }

    static List<Problem> check(String filename, CoreMetadata m) {
        MetadataRules rules = new MetadataRules(filename, m);
        rules.checkIdentity();
        rules.checkFieldVersions();
        rules.checkRepeatedFields();
        rules.checkSummary();
        rules.checkLicense();
        rules.checkProjectUrls();
        rules.checkDirectReferences();
        rules.checkContentType();
        rules.checkDynamic();
        return rules.problems;
    }

    private void add(ValidationRule rule, String message) {
        problems.add(new Problem(filename, rule, message));
    }

    private void checkIdentity() {
        String declared = m.metadataVersion();
        if (!ACCEPTED_METADATA_VERSIONS.contains(declared)) {
            add(ValidationRule.METADATA_VERSION, filename + " declares Metadata-Version '" + declared + "', which PyPI"
                    + " does not accept (it accepts 1.0, 1.1, 1.2 and 2.1 to 2.5"
                    + (declared.equals("2.0") ? "; 2.0 was never a published version" : "") + "): " + REBUILD
                    + " that writes Metadata-Version 2.4 or 2.5");
        }
        if (!ProjectName.isValid(m.name())) {
            add(ValidationRule.NAME, filename + ": Name '" + m.name() + "' is not a valid project name: it must start"
                    + " and end with an ASCII letter or digit and contain only letters, digits, '.', '_' and '-'");
        }
        Optional<Pep440Version> version = Pep440Version.tryParse(m.version());
        if (version.isEmpty()) {
            add(ValidationRule.VERSION, filename + ": Version '" + m.version() + "' is not a valid PEP 440 version"
                    + " (e.g. 1.2.0, 1.2.0rc1, 1.2.0.post1, 1.2.0.dev3)");
        } else if (version.get().isLocal()) {
            add(ValidationRule.LOCAL_VERSION, filename + ": Version '" + m.version() + "' is a local version ('+' and"
                    + " what follows); PyPI refuses local versions, which are meant for builds that never leave the"
                    + " machine. Publish a version without the '+...' part");
        }
    }

    private void checkFieldVersions() {
        String declared = m.metadataVersion();
        for (MetadataField field : MetadataField.values()) {
            if (field == MetadataField.LICENSE_FILE || m.getAll(field).isEmpty() || !field.isNewerThan(declared)) {
                continue; // License-File under < 2.4 is dropped from the form instead, see the validator's notes
            }
            add(ValidationRule.FIELD_TOO_NEW, filename + ": " + field.header() + " was introduced in Metadata-Version "
                    + field.introducedIn() + " but " + filename + " declares " + declared + "; PyPI refuses it. "
                    + "Rebuild with a current build backend (it declares the version its fields need), or remove "
                    + field.header());
        }
    }

    private void checkRepeatedFields() {
        for (MetadataField field : MetadataField.values()) {
            int count = m.occurrences(field);
            if (field.multipleUse() || count <= 1) {
                continue;
            }
            if (field == MetadataField.KEYWORDS) {
                add(ValidationRule.KEYWORDS, filename + ": Keywords appears " + count + " times, but it is one"
                        + " comma-separated field (PyPI refuses repeated keywords). Write all keywords into a single"
                        + " Keywords header, e.g. 'Keywords: maven,pypi,upload'");
            } else {
                add(ValidationRule.REPEATED_FIELD, filename + ": " + field.header() + " appears " + count + " times,"
                        + " but it may appear only once. Fix the build configuration that writes it");
            }
        }
    }

    private void checkSummary() {
        Optional<String> summary = m.get(MetadataField.SUMMARY);
        if (summary.isEmpty()) {
            return;
        }
        if (summary.get().contains("\n") || summary.get().contains("\r")) {
            add(ValidationRule.SUMMARY, filename + ": Summary spans several lines; PyPI accepts a single line only."
                    + " Shorten the project description to one line");
        }
        if (summary.get().length() > MAX_SUMMARY) {
            add(ValidationRule.SUMMARY, filename + ": Summary is " + summary.get().length() + " characters long; PyPI"
                    + " accepts at most " + MAX_SUMMARY + ". Shorten the project description");
        }
    }

    private void checkLicense() {
        if (m.get(MetadataField.LICENSE).isPresent() && m.get(MetadataField.LICENSE_EXPRESSION).isPresent()) {
            add(ValidationRule.LICENSE_WITH_EXPRESSION, filename + " has both License and License-Expression; PyPI"
                    + " refuses that (License is deprecated when License-Expression is present). Keep only"
                    + " License-Expression: remove the license text/table from the project metadata");
        }
    }

    private void checkProjectUrls() {
        Set<String> labels = new HashSet<>();
        for (String value : m.getAll(MetadataField.PROJECT_URL)) {
            int comma = value.indexOf(',');
            String label = comma < 0 ? "" : value.substring(0, comma).strip();
            String url = comma < 0 ? value : value.substring(comma + 1).strip();
            String why = null;
            if (comma < 0 || label.isEmpty()) {
                why = "must have the form 'Label, URL'";
            } else if (label.length() > MAX_URL_LABEL) {
                why = "has a label of " + label.length() + " characters; PyPI accepts at most " + MAX_URL_LABEL;
            } else if (!labels.add(label)) {
                why = "repeats the label '" + label + "'; each label may appear once";
            } else if (!isHttpUrl(url)) {
                why = "has '" + url + "', which is not a valid http or https URL";
            }
            if (why != null) {
                add(ValidationRule.PROJECT_URL, filename + ": Project-URL '" + value + "' " + why
                        + ". Fix the project's urls table");
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void checkDirectReferences() {
        for (MetadataField field : List.of(MetadataField.REQUIRES_DIST, MetadataField.PROVIDES_DIST,
                MetadataField.OBSOLETES_DIST)) {
            for (String requirement : m.getAll(field)) {
                if (DIRECT_REFERENCE.matcher(requirement).matches()) {
                    add(ValidationRule.DIRECT_URL_REQUIREMENT, filename + ": " + field.header() + " '" + requirement
                            + "' is a direct URL reference; PyPI refuses dependencies on URLs (\"Can't have direct"
                            + " dependency\"). Depend on a released version from the index instead");
                }
            }
        }
    }

    private void checkContentType() {
        m.get(MetadataField.DESCRIPTION_CONTENT_TYPE).ifPresent(value -> DescriptionContentType.problem(value)
                .ifPresent(why -> add(ValidationRule.DESCRIPTION_CONTENT_TYPE, filename
                        + ": Description-Content-Type '" + value + "' " + why)));
    }

    private void checkDynamic() {
        for (String value : m.getAll(MetadataField.DYNAMIC)) {
            Optional<MetadataField> field = MetadataField.forHeader(value);
            if (field.isEmpty() || field.get().identifiesRelease()) {
                add(ValidationRule.DYNAMIC, filename + ": Dynamic '" + value + "' is not a field that may be dynamic"
                        + (field.isPresent() ? " (Name, Version and Metadata-Version never are)"
                        : " (it is not a core metadata field)") + ". Fix the build configuration");
            }
        }
    }
}
