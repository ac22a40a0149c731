package io.github.pypimaven.testing.pypi;

import java.util.Locale;
import java.util.regex.Pattern;

/** packaging's project-name rules, for the fake PyPI only: the valid-name pattern and {@code canonicalize_name}. */
final class PyNames {

    private static final Pattern VALID = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private PyNames() {
    }

    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** PEP 503: runs of '-', '_' and '.' become one '-', all in lower case. */
    static String canonicalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
