package io.github.pypimaven.testing.pypi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Warehouse's checks on the text fields of an upload, in its order: protocol version, the WTForms upload form, then
 * the core metadata rebuilt from the form ({@code parse_form_metadata}, packaging's {@code Metadata.from_raw} with its
 * field checks in {@link PackagingFieldRules}, and Warehouse's own rules in {@link WarehouseMetadataRules}).
 */
final class UploadFormRules {

    private static final String METADATA_SPEC = "https://packaging.python.org/specifications/core-metadata";
    private static final String LOCAL_VERSION_SPEC =
            "https://packaging.python.org/en/latest/specifications/version-specifiers/#local-version-identifiers";
    /** The metadata versions packaging 26.2 knows, oldest first. */
    private static final List<String> KNOWN_METADATA_VERSIONS =
            List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final Pattern HEX64 = Pattern.compile("^[A-F0-9]{64}$", Pattern.CASE_INSENSITIVE);

    /** Form field name to the metadata version that introduced it (packaging's {@code added=}). */
    private static final Map<String, String> ADDED = new LinkedHashMap<>();
    private static final Set<String> STRING_FIELDS = Set.of("metadata_version", "name", "version", "summary",
            "description", "description_content_type", "home_page", "download_url", "author", "author_email",
            "maintainer", "maintainer_email", "license", "license_expression", "requires_python");

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
        } else if (!PyNames.isValid(name)) {
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
        return new UploadForm(name, PyVersion.parse(version), filetype, pyversion,
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
            } else if (field.equals("project_urls") && WarehouseMetadataRules.hasDuplicateLabels(e.getValue())) {
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

    private static void checkFields(Map<String, List<String>> raw, List<String[]> errors) {
        String metadataVersion = PackagingFieldRules.one(raw, "metadata_version");
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
        PackagingFieldRules.check(raw, errors);
        WarehouseMetadataRules.check(raw, errors, knownVersion);
    }
}
