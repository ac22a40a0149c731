package io.github.pypimaven.distribution;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Python project name as written in metadata, with its PEP 503 normalized form.
 *
 * <p>Two names are the same project when their normalized forms are equal, so {@link #equals} compares those.
 */
public record ProjectName(String raw) {

    private static final Pattern VALID = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[-_.]+");

    public ProjectName {
        if (raw == null || !VALID.matcher(raw).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid project name: it must start and end with a letter or digit"
                    + " and contain only ASCII letters, digits, '.', '_' and '-'");
        }
    }

    public static boolean isValid(String raw) {
        return raw != null && VALID.matcher(raw).matches();
    }

    /** The name, when it is a valid one. */
    public static Optional<ProjectName> tryParse(String raw) {
        return isValid(raw) ? Optional.of(new ProjectName(raw)) : Optional.empty();
    }

    /** PEP 503: lower case, every run of '-', '_' and '.' becomes one '-'. */
    public String normalized() {
        return normalize(raw);
    }

    /** The name as it must appear in wheel and sdist file names: normalized, with '_' for '-'. */
    public String filenameForm() {
        return normalized().replace('-', '_');
    }

    public static String normalize(String name) {
        return SEPARATOR_RUNS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectName that && normalized().equals(that.normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
