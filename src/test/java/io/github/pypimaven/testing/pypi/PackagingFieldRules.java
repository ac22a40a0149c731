package io.github.pypimaven.testing.pypi;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * packaging 26.2's per-field checks ({@code _Validator._process_*} in {@code packaging/metadata.py}), the version
 * Warehouse pins, on the metadata rebuilt from the upload form. Errors are {field, message} pairs, field as packaging
 * names it ({@code summary}, {@code license-file}).
 *
 * <p>Left out because they need data this fake does not carry or grammars it does not model: SPDX license
 * expressions, and full PEP 508 / PEP 440 specifier parsing (requirements and Requires-Python get a light check).
 */
final class PackagingFieldRules {

    static final Pattern REQUIREMENT = Pattern.compile(
            "^\\s*(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[(?<extras>[^\\]]*)\\])?\\s*(?<rest>.*)$");
    private static final Pattern SPECIFIER = Pattern.compile("^\\s*(~=|===|==|!=|<=|>=|<|>)\\s*[A-Za-z0-9.*+!_-]+\\s*$");
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    /** The core metadata field names in lower case ({@code _EMAIL_TO_RAW_MAPPING}'s keys). */
    private static final Set<String> EMAIL_NAMES = Set.of("author", "author-email", "classifier", "description",
            "description-content-type", "download-url", "dynamic", "home-page", "import-name", "import-namespace",
            "keywords", "license", "license-expression", "license-file", "maintainer", "maintainer-email",
            "metadata-version", "name", "obsoletes", "obsoletes-dist", "platform", "project-url", "provides",
            "provides-dist", "provides-extra", "requires", "requires-dist", "requires-external", "requires-python",
            "summary", "supported-platform", "version");
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private PackagingFieldRules() {
    }

    static void check(Map<String, List<String>> raw, List<String[]> errors) {
        String name = one(raw, "name");
        if (name == null) {
            errors.add(new String[] {"name", "'name' is a required field"});
        } else if (!PyNames.isValid(name)) {
            errors.add(new String[] {"name", PyRepr.of(name) + " is invalid for 'name'"});
        }
        String version = one(raw, "version");
        if (version == null) {
            errors.add(new String[] {"version", "'version' is a required field"});
        } else if (PyVersion.parse(version) == null) {
            errors.add(new String[] {"version", PyRepr.of(version) + " is invalid for 'version'"});
        }
        String summary = one(raw, "summary");
        if (summary != null && summary.contains("\n")) {
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
            } else if (!EMAIL_NAMES.contains(lower)) {
                errors.add(new String[] {"dynamic", PyRepr.of(lower) + " is not a valid dynamic field"});
            }
        }
        for (String extra : raw.getOrDefault("provides_extra", List.of())) {
            if (!PyNames.isValid(extra)) {
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
            String problem = licenseFileProblem(path);
            if (problem != null) {
                errors.add(new String[] {"license-file", PyRepr.of(path) + " is invalid for 'license-file', " + problem});
                break;
            }
        }
        for (String field : List.of("import_name", "import_namespace")) {
            for (String value : raw.getOrDefault(field, List.of())) {
                String problem = importNameProblem(value);
                if (problem != null) {
                    String email = field.replace('_', '-');
                    errors.add(new String[] {email, problem.replace("{field}", PyRepr.of(email))});
                }
            }
        }
    }

    static String one(Map<String, List<String>> raw, String field) {
        List<String> v = raw.get(field);
        return v == null ? null : v.get(0);
    }

    /**
     * packaging parses the value as an e-mail Content-Type header: the type in any case, parameter names in any case,
     * a parameter without '=' has the value '', one with '=' and nothing after it is dropped, the first of a repeated
     * parameter wins; the charset must be exactly "UTF-8" and the variant exactly GFM or CommonMark.
     */
    private static void checkDescriptionContentType(String dct, List<String[]> errors) {
        String[] parts = dct.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : parts[i].substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (eq < 0 || !value.isEmpty()) {
                params.putIfAbsent(key, value);
            }
        }
        if (!CONTENT_TYPES.contains(type)) {
            errors.add(new String[] {"description-content-type", "'description-content-type' must be one of "
                    + "['text/plain', 'text/x-rst', 'text/markdown'], not " + PyRepr.of(dct)});
        } else if (!params.getOrDefault("charset", "UTF-8").equals("UTF-8")) {
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

    /**
     * In packaging's order: no "..", no "*", not absolute for POSIX or Windows, and unchanged when Windows path syntax
     * writes it back with '/' ({@code PureWindowsPath(path).as_posix() == path}).
     */
    static String licenseFileProblem(String path) {
        if (path.contains("..")) {
            return "parent directory indicators are not allowed";
        }
        if (path.contains("*")) {
            return "paths must be resolved";
        }
        boolean windowsAbsolute = path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(0) < 128
                && path.charAt(1) == ':' && (path.charAt(2) == '/' || path.charAt(2) == '\\')
                || path.startsWith("\\\\") || path.startsWith("//");
        if (path.startsWith("/") || windowsAbsolute) {
            return "paths must be relative";
        }
        if (!asWindowsPosix(path).equals(path)) {
            return "paths must use '/' delimiter";
        }
        return null;
    }

    /** {@code PureWindowsPath(path).as_posix()} for a relative path: '\' is '/', empty and '.' parts are dropped. */
    private static String asWindowsPosix(String path) {
        String p = path.replace('\\', '/');
        String drive = p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0)) ? p.substring(0, 2) : "";
        StringBuilder out = new StringBuilder(drive);
        boolean first = true;
        for (String part : p.substring(drive.length()).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            out.append(first ? "" : "/").append(part);
            first = false;
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /** {@code _process_import_names}: dotted identifiers, no keyword, and only "private" after a ';'. */
    private static String importNameProblem(String value) {
        int semicolon = value.indexOf(';');
        String name = PyText.rstrip(semicolon < 0 ? value : value.substring(0, semicolon));
        for (String identifier : name.split("\\.", -1)) {
            if (!PyText.isIdentifier(identifier)) {
                return PyRepr.of(name) + " is invalid for {field}; " + PyRepr.of(identifier) + " is not a valid identifier";
            }
            if (KEYWORDS.contains(identifier)) {
                return PyRepr.of(name) + " is invalid for {field}; " + PyRepr.of(identifier) + " is a keyword";
            }
        }
        if (semicolon >= 0 && !PyText.lstrip(value.substring(semicolon + 1)).equals("private")) {
            return PyRepr.of(value) + " is invalid for {field}; the only valid option is 'private'";
        }
        return null;
    }
}
