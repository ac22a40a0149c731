package io.github.pypimaven.distribution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The readme formats PyPI renders, as {@code Description-Content-Type} values and readme file extensions: the one list
 * the builder (which picks the type of a readme) and the validator (which checks the type a file declares) share.
 */
public enum DescriptionContentType {
    MARKDOWN("text/markdown", ".md"),
    RST("text/x-rst", ".rst"),
    PLAIN("text/plain", ".txt");

    private static final Set<String> MARKDOWN_VARIANTS = Set.of("GFM", "CommonMark");

    private final String mimeType;
    private final String extension;

    DescriptionContentType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The type of a readme file, by its extension (any case). */
    public static Optional<DescriptionContentType> forFilename(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> lower.endsWith(t.extension)).findFirst();
    }

    /** The type a Description-Content-Type value names, ignoring its parameters and case. */
    public static Optional<DescriptionContentType> forValue(String value) {
        String type = value.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mimeType.equals(type)).findFirst();
    }

    /** {@code text/markdown, text/x-rst or text/plain}, for messages. */
    public static String mimeTypes() {
        return list(DescriptionContentType::mimeType);
    }

    /** {@code .md, .rst or .txt}, for messages. */
    public static String extensions() {
        return list(t -> t.extension);
    }

    /**
     * Empty when PyPI accepts this Description-Content-Type value; otherwise why not. As packaging checks it: the type
     * is case-insensitive, parameter names too, but the charset must be exactly {@code UTF-8} (PyPI refuses
     * {@code utf-8}) and the Markdown variant exactly {@code GFM} or {@code CommonMark}; a repeated parameter counts
     * once, the first time, and one with an empty value ({@code charset=}) not at all.
     */
    public static Optional<String> problem(String value) {
        Optional<DescriptionContentType> type = forValue(value);
        if (type.isEmpty()) {
            return Optional.of("is not one PyPI accepts: use " + mimeTypes());
        }
        String[] parts = value.split(";");
        Map<String, String> parameters = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String v = kv.length == 2 ? kv[1].strip().replaceAll("^\"|\"$", "") : "";
            if (kv.length == 1 || !v.isEmpty()) {
                parameters.putIfAbsent(kv[0].strip().toLowerCase(Locale.ROOT), v);
            }
        }
        String charset = parameters.getOrDefault("charset", "UTF-8");
        if (!charset.equals("UTF-8")) {
            return Optional.of("declares charset '" + charset + "'; PyPI accepts only 'UTF-8', written in capitals:"
                    + " drop the charset parameter or write charset=UTF-8");
        }
        String variant = parameters.getOrDefault("variant", "GFM");
        if (type.get() == MARKDOWN && !MARKDOWN_VARIANTS.contains(variant)) {
            return Optional.of("declares the Markdown variant '" + variant + "'; PyPI accepts GFM or CommonMark,"
                    + " written exactly so");
        }
        return Optional.empty();
    }

    private static String list(Function<DescriptionContentType, String> part) {
        List<String> parts = Arrays.stream(values()).map(part).toList();
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
