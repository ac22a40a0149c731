package io.github.pypimaven.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Light checks of PEP 508 requirements, entry points and extra names; the full grammars are the installer's job. */
final class Requirements {

    private static final Pattern REQUIREMENT_START = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?\\s*([\\[(<>=!~;@]|$).*", Pattern.DOTALL);
    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern ENTRY_NAME = Pattern.compile("[\\w.-]+");
    private static final Pattern OBJECT_REFERENCE = Pattern.compile("[\\w.]+(:[\\w.]+)?(\\s*\\[[\\w.,\\s-]*])?", Pattern.UNICODE_CHARACTER_CLASS);

    private Requirements() {
    }

    static void checkRequirement(String requirement, String origin) throws PackagingException {
        if (!isRequirement(requirement)) {
            throw new PackagingException(origin + ": '" + requirement + "' is not a PEP 508 requirement"
                    + " (for example: requests>=2.31, or tomli; python_version < \"3.11\")");
        }
    }

    /** Whether the text starts like a PEP 508 requirement: a project name, then extras, a specifier or a marker. */
    static boolean isRequirement(String requirement) {
        return requirement != null && !requirement.isBlank() && !requirement.contains("\n")
                && REQUIREMENT_START.matcher(requirement.strip()).matches();
    }

    /** The PEP 503 normalized project name a requirement (one {@link #isRequirement} accepts) is about. */
    static String projectName(String requirement) {
        Matcher name = PROJECT_NAME.matcher(requirement.strip());
        if (!name.lookingAt()) {
            throw new IllegalArgumentException("not a requirement: " + requirement);
        }
        return io.github.pypimaven.distribution.ProjectName.normalize(name.group());
    }

    /** PEP 685: extras are compared and written normalized like project names. */
    static String normalizeExtra(String extra, String origin) throws PackagingException {
        if (!io.github.pypimaven.distribution.ProjectName.isValid(extra)) {
            throw new PackagingException(origin + ": '" + extra + "' is not a valid extra name"
                    + " (letters, digits, '.', '_', '-'; starting and ending with a letter or digit)");
        }
        return io.github.pypimaven.distribution.ProjectName.normalize(extra).toLowerCase(Locale.ROOT);
    }

    static void checkEntryPoint(String name, String reference, String origin) throws PackagingException {
        if (!ENTRY_NAME.matcher(name).matches()) {
            throw new PackagingException(origin + ": entry point name '" + name
                    + "' may contain only letters, digits, '_', '.' and '-'");
        }
        if (reference == null || !OBJECT_REFERENCE.matcher(reference.strip()).matches()) {
            throw new PackagingException(origin + ": entry point '" + name + "' must point at module:function"
                    + " (for example mytool.cli:main), not '" + reference + "'");
        }
    }

    /** Parses {@code name=module:function} strings (the {@code entryPoints} parameter) into console scripts. */
    static Map<String, String> parseConsoleScripts(List<String> specs, String origin) throws PackagingException {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new PackagingException(origin + ": entry point '" + spec
                        + "' must have the form name=module:function (for example mytool=mytool.cli:main)");
            }
            String name = spec.substring(0, eq).strip();
            String reference = spec.substring(eq + 1).strip();
            checkEntryPoint(name, reference, origin);
            if (scripts.put(name, reference) != null) {
                throw new PackagingException(origin + ": entry point '" + name + "' is defined twice");
            }
        }
        return scripts;
    }
}
