package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PyPI's rules for the core metadata of one file, by itself: packaging's {@code Metadata.from_raw} validation and
 * Warehouse's own rules on top ({@code warehouse/forklift/metadata.py}). PyPI validates the upload form, so these rules
 * look at the values the form sends ({@link CoreMetadata#formValues}): the first value of a single-use field, no
 * {@code UNKNOWN}. The URL rules are in {@link UrlRules}.
 */
final class MetadataRules {

    private static final Set<String> ACCEPTED_METADATA_VERSIONS =
            Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final int MAX_SUMMARY = 512;
    /** A PEP 508 URL requirement: {@code name [extras] @ url}. */
    private static final Pattern DIRECT_REFERENCE =
            Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@.*", Pattern.DOTALL);
    /** A drive and a root, as in {@code C:/}; a backslash or a leading '/' is refused by the other rules. */
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[\\\\/].*", Pattern.DOTALL);
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
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
        rules.checkSummary();
        rules.checkLicense();
        rules.checkDirectReferences();
        rules.checkContentType();
        rules.checkDynamic();
        rules.checkExtras();
        rules.checkLicenseFilePaths();
        rules.checkImportNames();
        rules.problems.addAll(UrlRules.check(filename, m));
        return rules.problems;
    }

    /**
     * What the plugin points out although PyPI accepts it: a single-use field given more than once (the form sends
     * the first value, or all Keywords joined), and URLs that PyPI accepts but that cannot work as links.
     */
    static List<String> warnings(String filename, CoreMetadata m) {
        List<String> warnings = new ArrayList<>();
        for (MetadataField field : MetadataField.values()) {
            int count = m.occurrences(field);
            if (field.multipleUse() || count <= 1) {
                continue;
            }
            warnings.add(filename + ": " + field.header() + " appears " + count + " times but is a single-use field; "
                    + (field == MetadataField.KEYWORDS ? "the upload sends all keywords as one comma-separated value."
                    + " Write them into one Keywords header, e.g. 'Keywords: maven,pypi,upload'"
                    : "the upload sends the first value only. Fix the build configuration that writes it"));
        }
        warnings.addAll(UrlRules.warnings(filename, m));
        return warnings;
    }

    private void add(ValidationRule rule, String message) {
        problems.add(new Problem(filename, rule, message));
    }

    private List<String> sent(MetadataField field) {
        return m.formValues(field);
    }

    private boolean acceptedMetadataVersion() {
        return ACCEPTED_METADATA_VERSIONS.contains(m.metadataVersion());
    }

    private void checkIdentity() {
        String declared = m.metadataVersion();
        if (!acceptedMetadataVersion()) {
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

    /** Only under a Metadata-Version PyPI knows: under another one, that is the problem to report. */
    private void checkFieldVersions() {
        if (!acceptedMetadataVersion()) {
            return;
        }
        String declared = m.metadataVersion();
        for (MetadataField field : MetadataField.values()) {
            if (field.identifiesRelease() || sent(field).isEmpty() || !field.isNewerThan(declared)) {
                continue;
            }
            add(ValidationRule.FIELD_TOO_NEW, filename + ": " + field.header() + " was introduced in Metadata-Version "
                    + field.introducedIn() + " but " + filename + " declares " + declared + "; PyPI refuses it. "
                    + "Rebuild with a current build backend (it declares the version its fields need), or remove "
                    + field.header());
        }
    }

    private void checkSummary() {
        for (String summary : sent(MetadataField.SUMMARY)) {
            if (summary.contains("\n")) {
                add(ValidationRule.SUMMARY, filename + ": Summary spans several lines; PyPI accepts a single line"
                        + " only. Shorten the project description to one line");
            }
            if (PythonStrings.length(summary) > MAX_SUMMARY) {
                add(ValidationRule.SUMMARY, filename + ": Summary is " + PythonStrings.length(summary) + " characters"
                        + " long; PyPI accepts at most " + MAX_SUMMARY + ". Shorten the project description");
            }
        }
    }

    private void checkLicense() {
        if (!sent(MetadataField.LICENSE).isEmpty() && !sent(MetadataField.LICENSE_EXPRESSION).isEmpty()) {
            add(ValidationRule.LICENSE_WITH_EXPRESSION, filename + " has both License and License-Expression; PyPI"
                    + " refuses that (License is deprecated when License-Expression is present). Keep only"
                    + " License-Expression: remove the license text/table from the project metadata");
        }
    }

    private void checkDirectReferences() {
        for (MetadataField field : List.of(MetadataField.REQUIRES_DIST, MetadataField.PROVIDES_DIST,
                MetadataField.OBSOLETES_DIST)) {
            for (String requirement : sent(field)) {
                if (DIRECT_REFERENCE.matcher(requirement).matches()) {
                    add(ValidationRule.DIRECT_URL_REQUIREMENT, filename + ": " + field.header() + " '" + requirement
                            + "' is a direct URL reference; PyPI refuses dependencies on URLs (\"Can't have direct"
                            + " dependency\"). Depend on a released version from the index instead");
                }
            }
        }
    }

    private void checkContentType() {
        for (String value : sent(MetadataField.DESCRIPTION_CONTENT_TYPE)) {
            DescriptionContentType.problem(value).ifPresent(why -> add(ValidationRule.DESCRIPTION_CONTENT_TYPE,
                    filename + ": Description-Content-Type '" + value + "' " + why));
        }
    }

    /**
     * packaging refuses Name, Version and Metadata-Version and anything that is not a field name; Warehouse's list of
     * dynamic fields also leaves out Dynamic itself. Compared in lower case.
     */
    private void checkDynamic() {
        for (String value : sent(MetadataField.DYNAMIC)) {
            String lower = value.toLowerCase(Locale.ROOT);
            Optional<MetadataField> field = MetadataField.forHeader(lower).filter(f -> f.header().toLowerCase(
                    Locale.ROOT).equals(lower));
            if (field.isEmpty() || field.get().identifiesRelease() || field.get() == MetadataField.DYNAMIC) {
                add(ValidationRule.DYNAMIC, filename + ": Dynamic '" + value + "' is not a field that may be dynamic"
                        + (field.isEmpty() ? " (it is not a core metadata field)"
                        : " (Name, Version, Metadata-Version and Dynamic never are)")
                        + ". Fix the build configuration");
            }
        }
    }

    /** PEP 685: extras follow the rules of project names. */
    private void checkExtras() {
        for (String extra : sent(MetadataField.PROVIDES_EXTRA)) {
            if (!ProjectName.isValid(extra)) {
                add(ValidationRule.PROVIDES_EXTRA, filename + ": Provides-Extra '" + extra + "' is not a valid extra"
                        + " name: like a project name it must start and end with an ASCII letter or digit and contain"
                        + " only letters, digits, '.', '_' and '-'. Rename the extra");
            }
        }
    }

    /** packaging's path rules: relative, resolved, '/' as the separator, written as pathlib writes it back. */
    private void checkLicenseFilePaths() {
        for (String path : sent(MetadataField.LICENSE_FILE)) {
            String why = path.contains("..") ? "has '..'; PyPI refuses parent directory references"
                    : path.contains("*") ? "has '*'; PyPI wants the paths of the files, not glob patterns"
                    : path.startsWith("/") || WINDOWS_ABSOLUTE.matcher(path).matches() ? "is absolute; PyPI wants paths"
                    + " relative to the project directory"
                    : !isPlainRelativePath(path) ? "is not written plainly; PyPI wants '/' as the only separator, no"
                    + " empty or '.' parts and no trailing '/'"
                    : null;
            if (why != null) {
                add(ValidationRule.LICENSE_FILE_PATH, filename + ": License-File '" + path + "' " + why
                        + ". Fix the license-files setting");
            }
        }
    }

    /** True when Windows path syntax gives the path back unchanged: no '\', no empty or '.' part, no trailing '/'. */
    private static boolean isPlainRelativePath(String path) {
        if (path.contains("\\")) {
            return false;
        }
        if (path.equals(".")) {
            return true;
        }
        String rest = DRIVE.matcher(path).replaceFirst("");
        if (rest.isEmpty()) {
            return true;
        }
        for (String segment : rest.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** Dotted Python identifiers, none a keyword, optionally followed by {@code ; private}. */
    private void checkImportNames() {
        for (MetadataField field : List.of(MetadataField.IMPORT_NAME, MetadataField.IMPORT_NAMESPACE)) {
            for (String value : sent(field)) {
                int semicolon = value.indexOf(';');
                String name = PythonStrings.rstrip(semicolon < 0 ? value : value.substring(0, semicolon));
                String why = null;
                for (String identifier : name.split("\\.", -1)) {
                    if (!PythonStrings.isIdentifier(identifier)) {
                        why = "'" + identifier + "' is not a Python identifier";
                    } else if (PythonStrings.isKeyword(identifier)) {
                        why = "'" + identifier + "' is a Python keyword";
                    }
                    if (why != null) {
                        break;
                    }
                }
                if (why == null && semicolon >= 0 && !PythonStrings.lstrip(value.substring(semicolon + 1))
                        .equals("private")) {
                    why = "the only option after ';' is 'private'";
                }
                if (why != null) {
                    add(ValidationRule.IMPORT_NAME, filename + ": " + field.header() + " '" + value + "' is refused"
                            + " by PyPI: " + why + ". Fix the import names in the project metadata");
                }
            }
        }
    }
}
