package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Works out what the upload form sends for a field of a file's metadata (see {@link CoreMetadata#formValues}, which
 * holds the answers): the first value of a single-use field, every value of a multiple-use one, Keywords as one
 * comma-separated value, never a blank or {@code UNKNOWN} value, and no License-File under a Metadata-Version older
 * than the field.
 */
final class FormValues {

    private static final String UNKNOWN = "UNKNOWN";

    private FormValues() {}

    static List<String> sent(CoreMetadata metadata, MetadataField field) {
        if (field == MetadataField.KEYWORDS) {
            String keywords = keywords(metadata.getAll(MetadataField.KEYWORDS));
            return keywords.isEmpty() ? List.of() : List.of(keywords);
        }
        if (field == MetadataField.LICENSE_FILE && metadata.hasPrematureLicenseFiles()) {
            return List.of();
        }
        List<String> all = metadata.getAll(field);
        List<String> sent = new ArrayList<>(all.size());
        for (String value : field.multipleUse() ? all : all.subList(0, Math.min(1, all.size()))) {
            if (isKnown(value)) {
                sent.add(value);
            }
        }
        return List.copyOf(sent);
    }

    /** All Keywords values, split on commas and re-joined with ", ", as twine sends them; empty when none. */
    private static String keywords(List<String> values) {
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .filter(FormValues::isKnown)
                .collect(Collectors.joining(", "));
    }

    private static boolean isKnown(String value) {
        return !value.isBlank() && !value.strip().equals(UNKNOWN);
    }
}
