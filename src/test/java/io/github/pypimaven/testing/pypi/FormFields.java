package io.github.pypimaven.testing.pypi;

import java.util.List;
import java.util.Map;

/** Lookups over form fields kept as an ordered list of name/value pairs (repeated names allowed). */
final class FormFields {

    private FormFields() {
    }

    static List<String> values(List<Map.Entry<String, String>> fields, String name) {
        return fields.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /** The first value of the field, or null when it was not sent. */
    static String value(List<Map.Entry<String, String>> fields, String name) {
        List<String> values = values(fields, name);
        return values.isEmpty() ? null : values.get(0);
    }
}
