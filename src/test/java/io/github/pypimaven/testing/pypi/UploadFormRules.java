package io.github.pypimaven.testing.pypi;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Warehouse's checks on the text fields of an upload, in its order: protocol version, the WTForms upload form, then
 * the core metadata rebuilt from the form (packaging's {@code Metadata.from_raw} plus Warehouse's own rules).
 *
 * <p>Left out because they need data this fake does not carry: the trove classifier list, SPDX license validation,
 * e-mail address validation and full PEP 508 parsing (requirements get a light check that still finds direct URLs).
 */
final class UploadFormRules {

    private static final String METADATA_SPEC = "https://packaging.python.org/specifications/core-metadata";
    private static final String LOCAL_VERSION_SPEC =
            "https://packaging.python.org/en/latest/specifications/version-specifiers/#local-version-identifiers";
    private static final Set<String> SUPPORTED_METADATA_VERSIONS =
            Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    /** Versions packaging knows, oldest first (it already knows 2.6, which PyPI refuses). */
    private static final List<String> KNOWN_METADATA_VERSIONS =
            List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6");
    private static final Pattern HEX64 = Pattern.compile("^[A-F0-9]{64}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIREMENT = Pattern.compile(
            "^\\s*(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[(?<extras>[^\\]]*)\\])?\\s*(?<rest>.*)$");
    private static final Pattern SPECIFIER = Pattern.compile("^\\s*(~=|===|==|!=|<=|>=|<|>)\\s*[A-Za-z0-9.*+!_-]+\\s*$");
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S*$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[\\p{L}_][\\p{L}\\p{N}_]*$");

    /** Form field name to the metadata version that introduced it (packaging's {@code added=}). */
    private static final Map<String, String> ADDED = new LinkedHashMap<>();
    private static final Set<String> STRING_FIELDS = Set.of("metadata_version", "name", "version", "summary",
            "description", "description_content_type", "home_page", "download_url", "author", "author_email",
            "maintainer", "maintainer_email", "license", "license_expression", "requires_python");
    private static final Set<String> DYNAMIC_FIELDS = Set.of("platform", "supported-platform", "summary",
            "description", "description-content-type", "keywords", "home-page", "download-url", "author",
            "author-email", "maintainer", "maintainer-email", "license", "license-expression", "license-file",
            "classifier", "requires-dist", "requires-python", "requires-external", "project-url", "provides-extra",
            "provides-dist", "obsoletes-dist", "requires", "provides", "obsoletes", "import-name", "import-namespace");

    static {
        for (String f : List.of("metadata_version", "name", "version", "platform", "summary", "description",
                "keywords", "home_page", "author", "author_email", "license")) {
            ADDED.put(f, "1.0");
        }
        for (String f : List.of("supported_platform", "download_url", "classifiers", "requires", "provides",
                "obsoletes")) {
            ADDED.put(f, "1.1");
        }
        for (String f : List.of("maintainer", "maintainer_email", "requires_dist", "requires_python",
                "requires_external", "project_urls", "provides_dist", "obsoletes_dist")) {
            ADDED.put(f, "1.2");
        }
        ADDED.put("description_content_type", "2.1");
        ADDED.put("provides_extra", "2.1");
        ADDED.put("dynamic", "2.2");
        ADDED.put("license_expression", "2.4");
        ADDED.put("license_file", "2.4");
        ADDED.put("import_name", "2.5");
        ADDED.put("import_namespace", "2.5");
    }

    private UploadFormRules() {
    }

    /** The header name packaging reports errors under, e.g. {@code license-expression} or {@code classifier}. */
    static String emailName(String formField) {
        return switch (formField) {
            case "classifiers" -> "classifier";
            case "project_urls" -> "project-url";
            default -> formField.replace('_', '-');
        };
    }

    static UploadForm validate(List<Map.Entry<String, String>> fields) throws UploadRejected {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields) {
            form.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        if (!first(form, "protocol_version", "1").equals("1")) {
            throw UploadRejected.badRequest("Unknown protocol version.");
        }
        UploadForm upload = validateForm(form);
        validateMetadata(form);
        return upload;
    }

    private static String first(Map<String, List<String>> form, String field, String absent) {
        List<String> values = form.get(field);
        return values == null ? absent : values.get(0);
    }

    // --- WTForms UploadForm -------------------------------------------------------------------------------------

    private static UploadForm validateForm(Map<String, List<String>> form) throws UploadRejected {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = first(form, "name", null);
        if (name == null || name.isEmpty()) {
            errors.put("name", "This field is required.");
        } else if (!NAME.matcher(name).matches()) {
            errors.put("name", "Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'.");
        }
        String filetype = first(form, "filetype", null);
        if (filetype == null || filetype.isEmpty()) {
            errors.put("filetype", "This field is required.");
        } else if (!filetype.equals("sdist") && !filetype.equals("bdist_wheel")) {
            errors.put("filetype", "Use a known file type.");
        }
        String sha256 = first(form, "sha256_digest", null);
        if (present(sha256) && !HEX64.matcher(sha256).matches()) {
            errors.put("sha256_digest", "Use a valid, hex-encoded, SHA256 message digest.");
        }
        String blake2 = first(form, "blake2_256_digest", null);
        if (present(blake2) && !HEX64.matcher(blake2).matches()) {
            errors.put("blake2_256_digest", "Use a valid, hex-encoded, BLAKE2 message digest.");
        }
        if (!errors.isEmpty()) {
            String field = errors.containsKey("name") ? "name" : new TreeSet<>(errors.keySet()).first();
            if (field.equals("name")) {
                String shown = name == null ? "" : name.length() > 60
                        ? name.substring(0, 30) + "..." + name.substring(name.length() - 30) : name;
                throw UploadRejected.badRequest(PyRepr.of(shown) + " is an invalid value for Name. Error: "
                        + errors.get(field) + " See " + METADATA_SPEC + " for more information.");
            }
            throw UploadRejected.badRequest("Invalid value for " + field + ". Error: " + errors.get(field));
        }
        String pyversion = first(form, "pyversion", null);
        if (!filetype.equals("sdist") && (pyversion == null || pyversion.isEmpty())) {
            throw UploadRejected.badRequest(
                    "Invalid value for pyversion. Error: Python version is required for binary distribution uploads.");
        }
        if (filetype.equals("sdist")) {
            if (pyversion == null || pyversion.isEmpty()) {
                pyversion = "source";
            } else if (!pyversion.equals("source")) {
                throw UploadRejected.badRequest(
                        "Invalid value for pyversion. Error: Use 'source' as Python version for an sdist.");
            }
        }
        String md5 = first(form, "md5_digest", null);
        if (!present(md5) && !present(sha256) && !present(blake2)) {
            throw UploadRejected.badRequest("Error: Include at least one message digest.");
        }
        String version = first(form, "version", "");
        return new UploadForm(name, Pep440Version.tryParse(version).orElse(null), filetype, pyversion,
                present(md5) ? md5 : null, present(sha256) ? sha256 : null, present(blake2) ? blake2 : null,
                form.getOrDefault("license_file", List.of()));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    // --- metadata.parse(None, form_data=...) --------------------------------------------------------------------

    private static void validateMetadata(Map<String, List<String>> form) throws UploadRejected {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        List<String[]> errors = new ArrayList<>(); // {field, message}
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String field = e.getKey();
            if (!ADDED.containsKey(field) || e.getValue().equals(List.of(""))) {
                continue; // unknown fields are ignored, an empty value counts as absent
            }
            boolean single = STRING_FIELDS.contains(field) || field.equals("keywords");
            if (single && e.getValue().size() > 1) {
                errors.add(new String[] {field, PyRepr.of(field) + " has invalid data"});
            } else if (field.equals("project_urls") && hasDuplicateLabels(e.getValue())) {
                errors.add(new String[] {field, PyRepr.of(field) + " has invalid data"});
            } else {
                raw.put(field, e.getValue());
            }
        }
        if (errors.isEmpty()) {
            checkFields(raw, errors);
        }
        if (!errors.isEmpty()) {
            String[] chosen = pick(errors);
            String message = chosen[1].endsWith(".") ? chosen[1] : chosen[1] + ".";
            String see = chosen[0].equals("version") && chosen[1].contains("use of local versions")
                    ? LOCAL_VERSION_SPEC : METADATA_SPEC;
            throw UploadRejected.badRequest(message + " See " + see + " for more information.");
        }
    }

    /** Warehouse reports one error: metadata-version, name or version first, otherwise the first field by name. */
    private static String[] pick(List<String[]> errors) {
        for (String preferred : List.of("metadata-version", "name", "version")) {
            for (String[] e : errors) {
                if (e[0].equals(preferred)) {
                    return e;
                }
            }
        }
        String field = errors.stream().map(e -> e[0]).sorted().findFirst().orElseThrow();
        return errors.stream().filter(e -> e[0].equals(field)).findFirst().orElseThrow();
    }

    private static boolean hasDuplicateLabels(List<String> urls) {
        Set<String> labels = new LinkedHashSet<>();
        for (String pair : urls) {
            if (!labels.add(pair.split(",", 2)[0].strip())) {
                return true;
            }
        }
        return false;
    }

    private static void checkFields(Map<String, List<String>> raw, List<String[]> errors) {
        String metadataVersion = one(raw, "metadata_version");
        boolean knownVersion = metadataVersion != null && KNOWN_METADATA_VERSIONS.contains(metadataVersion);
        if (!knownVersion) {
            errors.add(new String[] {"metadata-version",
                    (metadataVersion == null ? "None" : PyRepr.of(metadataVersion)) + " is not a valid metadata version"});
        }
        if (knownVersion) {
            int age = KNOWN_METADATA_VERSIONS.indexOf(metadataVersion);
            for (String field : raw.keySet()) {
                String added = ADDED.get(field);
                if (KNOWN_METADATA_VERSIONS.indexOf(added) > age) {
                    errors.add(new String[] {emailName(field), emailName(field) + " introduced in metadata version "
                            + added + ", not " + metadataVersion});
                }
            }
        }
        checkValues(raw, errors);
        // Warehouse's own rules on top of packaging's.
        if (knownVersion && !SUPPORTED_METADATA_VERSIONS.contains(metadataVersion)) {
            errors.add(new String[] {"metadata-version", PyRepr.of(metadataVersion) + " is not a valid metadata version"});
        }
        checkWarehouseRules(raw, errors);
    }

    private static String one(Map<String, List<String>> raw, String field) {
        List<String> v = raw.get(field);
        return v == null ? null : v.get(0);
    }

    private static void checkValues(Map<String, List<String>> raw, List<String[]> errors) {
        String name = one(raw, "name");
        if (name == null) {
            errors.add(new String[] {"name", "'name' is a required field"});
        } else if (!ProjectName.isValid(name)) {
            errors.add(new String[] {"name", PyRepr.of(name) + " is invalid for 'name'"});
        }
        String version = one(raw, "version");
        if (version == null) {
            errors.add(new String[] {"version", "'version' is a required field"});
        } else if (Pep440Version.tryParse(version).isEmpty()) {
            errors.add(new String[] {"version", PyRepr.of(version) + " is invalid for 'version'"});
        }
        String summary = one(raw, "summary");
        if (summary != null && summary.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u000b' || c == '\f'
                || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029)) {
            errors.add(new String[] {"summary", "'summary' must be a single line"});
        }
        String dct = one(raw, "description_content_type");
        if (dct != null) {
            checkDescriptionContentType(dct, errors);
        }
        for (String d : raw.getOrDefault("dynamic", List.of())) {
            String lower = d.toLowerCase(Locale.ROOT);
            if (Set.of("name", "version", "metadata-version").contains(lower)) {
                errors.add(new String[] {"dynamic", PyRepr.of(lower) + " is not allowed as a dynamic field"});
            }
        }
        for (String extra : raw.getOrDefault("provides_extra", List.of())) {
            if (!ProjectName.isValid(extra)) {
                errors.add(new String[] {"provides-extra", PyRepr.of(extra) + " is invalid for 'provides-extra'"});
                break;
            }
        }
        String requiresPython = one(raw, "requires_python");
        if (requiresPython != null && !isSpecifierSet(requiresPython)) {
            errors.add(new String[] {"requires-python", PyRepr.of(requiresPython) + " is invalid for 'requires-python'"});
        }
        for (String req : raw.getOrDefault("requires_dist", List.of())) {
            if (!REQUIREMENT.matcher(req).matches()) {
                errors.add(new String[] {"requires-dist", PyRepr.of(req) + " is invalid for 'requires-dist'"});
                break;
            }
        }
        for (String path : raw.getOrDefault("license_file", List.of())) {
            String problem = path.contains("..") ? "parent directory indicators are not allowed"
                    : path.contains("*") ? "paths must be resolved"
                    : path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("\\") ? "paths must be relative"
                    : path.contains("\\") ? "paths must use '/' delimiter" : null;
            if (problem != null) {
                errors.add(new String[] {"license-file", PyRepr.of(path) + " is invalid for 'license-file', " + problem});
                break;
            }
        }
        for (String field : List.of("import_name", "import_namespace")) {
            for (String value : raw.getOrDefault(field, List.of())) {
                String id = value.split(";", 2)[0].strip();
                for (String part : id.split("\\.", -1)) {
                    if (!IDENTIFIER.matcher(part).matches()) {
                        errors.add(new String[] {emailName(field), PyRepr.of(id) + " is invalid for "
                                + PyRepr.of(emailName(field)) + "; " + PyRepr.of(part) + " is not a valid identifier"});
                        break;
                    }
                }
            }
        }
    }

    private static void checkDescriptionContentType(String dct, List<String[]> errors) {
        String[] parts = dct.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        Map<String, String> params = HeaderParams.parse(dct);
        if (!List.of("text/plain", "text/x-rst", "text/markdown").contains(type)) {
            errors.add(new String[] {"description-content-type", "'description-content-type' must be one of "
                    + "['text/plain', 'text/x-rst', 'text/markdown'], not " + PyRepr.of(dct)});
        } else if (!params.getOrDefault("charset", "UTF-8").equalsIgnoreCase("utf-8")) {
            errors.add(new String[] {"description-content-type",
                    "'description-content-type' can only specify the UTF-8 charset, not "
                    + PyRepr.of(params.get("charset"))});
        } else if (type.equals("text/markdown") && !Set.of("GFM", "CommonMark").contains(params.getOrDefault("variant", "GFM"))) {
            errors.add(new String[] {"description-content-type",
                    "valid Markdown variants for 'description-content-type' are ['GFM', 'CommonMark'], not "
                    + PyRepr.of(params.get("variant"))});
        }
    }

    private static boolean isSpecifierSet(String value) {
        if (value.isBlank()) {
            return true;
        }
        for (String spec : value.split(",", -1)) {
            if (!SPECIFIER.matcher(spec).matches()) {
                return false;
            }
        }
        return true;
    }

    private static void checkWarehouseRules(Map<String, List<String>> raw, List<String[]> errors) {
        String version = one(raw, "version");
        Pep440Version parsed = version == null ? null : Pep440Version.tryParse(version).orElse(null);
        if (parsed != null && parsed.isLocal()) {
            errors.add(new String[] {"version", "The use of local versions in '" + parsed + "' is not allowed."});
        }
        String summary = one(raw, "summary");
        if (summary != null && summary.codePointCount(0, summary.length()) > 512) {
            errors.add(new String[] {"summary", "'summary' field must be 512 characters or less."});
        }
        for (String field : List.of("home_page", "download_url")) {
            String url = one(raw, field);
            if (url != null && !URI_SCHEME.matcher(url).matches()) {
                errors.add(new String[] {emailName(field), PyRepr.of(url) + " is not a valid url."});
            }
        }
        for (String pair : raw.getOrDefault("project_urls", List.of())) {
            String[] parts = pair.split(",", 2);
            String label = parts[0].strip();
            String url = parts.length > 1 ? parts[1].strip() : "";
            if (label.isEmpty()) {
                errors.add(new String[] {"project-url", "Must have a label"});
            } else if (label.codePointCount(0, label.length()) > 32) {
                errors.add(new String[] {"project-url", PyRepr.of(label) + " must be 32 characters or less."});
            } else if (url.isEmpty()) {
                errors.add(new String[] {"project-url", "Must have a URL"});
            } else if (!URI_SCHEME.matcher(url).matches()) {
                errors.add(new String[] {"project-url", PyRepr.of(url) + " is not a valid url"});
            }
        }
        for (String field : List.of("provides_dist", "obsoletes_dist")) {
            for (String req : raw.getOrDefault(field, List.of())) {
                if (directUrl(req) != null) {
                    errors.add(new String[] {emailName(field), "Can't have direct dependency: " + PyRepr.of(req)});
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
        if (one(raw, "license") != null && one(raw, "license_expression") != null) {
            errors.add(new String[] {"license", "License is deprecated when License-Expression is present. "
                    + "Only License-Expression should be present."});
        }
    }

    /**
     * For a PEP 508 requirement with a direct reference ({@code name @ url}), the requirement as packaging prints
     * it ({@code name[extras]@ url ; marker}); null when there is no URL.
     */
    static String directUrl(String requirement) {
        var m = REQUIREMENT.matcher(requirement);
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
