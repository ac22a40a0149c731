package io.github.pypimaven.ci;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, read once and passed in, so that services never call {@link System#getenv()}
 * themselves and tests can hand them any environment.
 */
public record Environment(Map<String, String> variables) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** The value of a variable; an unset or blank variable is empty. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        // Never print values: the environment holds secrets.
        return "Environment" + variables.keySet();
    }
}
