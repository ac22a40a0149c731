package io.github.pypimaven.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of requirements (read to the end by {@link Pep508Requirement}), entry points and extra names: what pip would
 * refuse when it installs the wheel is refused when the wheel is built.
 */
final class Requirements {

    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern ENTRY_NAME = Pattern.compile("[\\w.-]+");
    /** A dotted name of Python identifiers: {@code module.sub} or {@code object.attr}. */
    private static final String DOTTED = "[^\\W\\d]\\w*(?:\\s*\\.\\s*[^\\W\\d]\\w*)*";
    /** The entry points specification: {@code module} or {@code module:object}, then optional (legacy) extras. */
    private static final Pattern OBJECT_REFERENCE = Pattern.compile("(?<module>" + DOTTED + ")(?:\\s*:\\s*(?<object>"
            + DOTTED + "))?(?:\\s*\\[[\\w.,\\s-]*])?", Pattern.UNICODE_CHARACTER_CLASS);
    /** The groups whose entries installers turn into commands, which must call a function. */
    static final java.util.Set<String> SCRIPT_GROUPS = java.util.Set.of("console_scripts", "gui_scripts");

    private Requirements() {
    }

    static void checkRequirement(String requirement, String origin) throws PackagingException {
        Optional<String> problem = Pep508Requirement.problem(requirement);
        if (problem.isPresent()) {
            throw new PackagingException(origin + ": '" + requirement + "' is not a PEP 508 requirement: "
                    + problem.get() + " (for example: requests>=2.31, requests[socks]>=2,<3, or"
                    + " tomli; python_version < \"3.11\")");
        }
    }

    /** Whether pip would accept the requirement. */
    static boolean isRequirement(String requirement) {
        return Pep508Requirement.problem(requirement).isEmpty();
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

    /**
     * @param group the entry point group: in {@link #SCRIPT_GROUPS} the reference must name a function
     *     ({@code module:function}), as pip refuses to install a script without one
     */
    static void checkEntryPoint(String group, String name, String reference, String origin) throws PackagingException {
        if (!ENTRY_NAME.matcher(name).matches()) {
            throw new PackagingException(origin + ": entry point name '" + name
                    + "' may contain only letters, digits, '_', '.' and '-'");
        }
        Matcher m = reference == null ? null : OBJECT_REFERENCE.matcher(reference.strip());
        if (m == null || !m.matches()) {
            throw new PackagingException(origin + ": entry point '" + name + "' must point at module:function"
                    + " (for example mytool.cli:main), not '" + reference + "'");
        }
        if (m.group("object") == null && SCRIPT_GROUPS.contains(group)) {
            throw new PackagingException(origin + ": the script '" + name + "' points at '" + reference.strip()
                    + "', a module without a function; pip refuses to install such a wheel. Name the function to call"
                    + " after a colon: " + reference.strip() + ":main (module:function)");
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
            checkEntryPoint("console_scripts", name, reference, origin);
            if (scripts.put(name, reference) != null) {
                throw new PackagingException(origin + ": entry point '" + name + "' is defined twice");
            }
        }
        return scripts;
    }
}
