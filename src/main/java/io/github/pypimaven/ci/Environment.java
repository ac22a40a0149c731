package io.github.pypimaven.ci;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The process environment, read once and passed in, so that services never call {@link System#getenv()}
 * themselves and tests can hand them any environment.
 *
 * @param variables the variables (on Windows, names upper-cased)
 * @param ignoresCase whether names are matched without regard to case, as Windows does: there {@code Path} and
 *     {@code PATH} are one variable, and a workflow's {@code pypi_api_token} is what {@code PYPI_API_TOKEN} reads
 */
public record Environment(Map<String, String> variables, boolean ignoresCase) {

    public Environment {
        variables = ignoresCase
                ? variables.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue, (first, second) -> first))
                : Map.copyOf(variables);
    }

    /** An environment whose names are case-sensitive, as on Linux and macOS. */
    public Environment(Map<String, String> variables) {
        this(variables, false);
    }

    public static Environment system() {
        return new Environment(System.getenv(), File.separatorChar == '\\');
    }

    /** The value of a variable; an unset or blank variable is empty. */
    public Optional<String> get(String name) {
        String value = variables.get(ignoresCase ? name.toUpperCase(Locale.ROOT) : name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        // Never print values: the environment holds secrets.
        return "Environment" + variables.keySet();
    }
}
