package io.github.pypimaven.distribution;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution's core metadata (a wheel's METADATA, an sdist's PKG-INFO), parsed the way packaging's
 * {@code parse_email} reads it: RFC 822 headers with case-insensitive names and continuation lines, repeated headers kept
 * in order, and the message body (after the first blank line) as the description.
 */
public final class CoreMetadata {

    /** RFC 822 field names: printable ASCII except ':' and space. */
    private static final Pattern HEADER_LINE = Pattern.compile("^([\\x21-\\x39\\x3b-\\x7e]+):(.*)$", Pattern.DOTALL);
    /** Writers fold long values with eight spaces, setuptools with eight spaces and '|' for the description. */
    private static final Pattern FOLD_PREFIX = Pattern.compile("^ {8}\\|?");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");
    private static final Pattern LEADING_BLANKS = Pattern.compile("^[ \t]+");

    private final List<Map.Entry<String, String>> headers; // in file order, names as written
    private final Map<String, List<String>> byName; // lower-case name -> values in order
    private final String body; // null when absent or blank
    private final List<String> notes;
    private final byte[] bytes; // the file as read: a local index serves it as the PEP 658 .metadata file
    // Each known field's values and form values, worked out once: the checks and the upload form ask for them again
    // and again, for every file of a release.
    private final Map<MetadataField, List<String>> values = new EnumMap<>(MetadataField.class);
    private final Map<MetadataField, List<String>> formValues = new EnumMap<>(MetadataField.class);

    private CoreMetadata(byte[] bytes, List<Map.Entry<String, String>> headers, String body, List<String> notes) {
        this.bytes = bytes.clone();
        this.headers = List.copyOf(headers);
        Map<String, List<String>> index = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            index.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Collections.unmodifiableMap(index);
        this.body = body;
        this.notes = List.copyOf(notes);
        for (MetadataField field : MetadataField.values()) {
            values.put(field, field == MetadataField.DESCRIPTION ? description().map(List::of).orElse(List.of())
                    : nonBlank(rawValues(field.header())));
        }
        for (MetadataField field : MetadataField.values()) {
            formValues.put(field, FormValues.sent(this, field));
        }
    }

    /**
     * Parses metadata bytes, decoding them strictly as UTF-8.
     *
     * @param source what to call the bytes in messages, e.g. {@code foo-1.0-py3-none-any.whl (foo-1.0.dist-info/METADATA)}
     * @throws DistributionException if the bytes are not UTF-8 or Metadata-Version, Name or Version is missing
     */
    public static CoreMetadata parse(byte[] bytes, String source) {
        String text = decodeUtf8(bytes, source);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String[] lines = LINE_BREAK.split(text, -1);
        int offset = 0; // character offset of the current line in text, to cut the body out verbatim
        String body = null;
        String currentName = null;
        StringBuilder currentValue = null;
        for (String line : lines) {
            int next = nextLineOffset(text, offset, line);
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (currentName != null) {
                    currentValue.append('\n').append(FOLD_PREFIX.matcher(line).replaceFirst(""));
                }
                // A continuation with nothing to continue is dropped, as the email parser records it as a defect.
                offset = next;
                continue;
            }
            if (currentName != null) {
                headers.add(entry(currentName, currentValue.toString()));
                currentName = null;
            }
            Matcher m = HEADER_LINE.matcher(line);
            if (m.matches()) {
                currentName = m.group(1);
                currentValue = new StringBuilder(LEADING_BLANKS.matcher(m.group(2)).replaceFirst(""));
                offset = next;
                continue;
            }
            // A blank line ends the headers; so does a line that is not a header (the email parser's behaviour).
            body = line.isEmpty() ? text.substring(Math.min(next, text.length())) : text.substring(offset);
            break;
        }
        if (currentName != null) {
            headers.add(entry(currentName, currentValue.toString()));
        }
        List<String> notes = new ArrayList<>();
        if (body != null && body.isBlank()) {
            body = null;
        }
        boolean hasHeader = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Description"));
        if (body != null && hasHeader) {
            notes.add(source + " has both a Description header and a message body; the body is used as the description"
                    + " (the header form is deprecated: keep only the body)");
        }
        CoreMetadata metadata = new CoreMetadata(bytes, headers, body, notes);
        metadata.requireIdentity(source);
        return metadata;
    }

    private static int nextLineOffset(String text, int offset, String line) {
        int end = offset + line.length();
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }

    private static String decodeUtf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DistributionException(source + " is not valid UTF-8 (first invalid byte at offset " + in.position()
                    + "); core metadata must be UTF-8: rebuild the distribution with a current build backend");
        }
    }

    private void requireIdentity(String source) {
        List<String> missing = new ArrayList<>();
        for (MetadataField field : List.of(MetadataField.METADATA_VERSION, MetadataField.NAME, MetadataField.VERSION)) {
            if (get(field).isEmpty()) {
                missing.add(field.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new DistributionException(source + " lacks the required field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; every METADATA/PKG-INFO must declare Metadata-Version, Name and"
                    + " Version: rebuild the distribution with a current build backend");
        }
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    /** The metadata file's bytes, exactly as read. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public String metadataVersion() {
        return get(MetadataField.METADATA_VERSION).orElseThrow();
    }

    public String name() {
        return get(MetadataField.NAME).orElseThrow();
    }

    public String version() {
        return get(MetadataField.VERSION).orElseThrow();
    }

    /** The first value of a field, stripped; empty when absent or blank. For the description see {@link #description()}. */
    public Optional<String> get(MetadataField field) {
        List<String> all = getAll(field);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every non-blank value of a field, stripped, in file order. */
    public List<String> getAll(MetadataField field) {
        return values.get(field);
    }

    private static List<String> nonBlank(List<String> raw) {
        List<String> kept = new ArrayList<>(raw.size());
        for (String value : raw) {
            String stripped = value.strip();
            if (!stripped.isEmpty()) {
                kept.add(stripped);
            }
        }
        return List.copyOf(kept);
    }

    /** How many times a header occurs, blank values included. */
    public int occurrences(MetadataField field) {
        return rawValues(field.header()).size();
    }

    /** The values of any header, known or not, as written (case-insensitive name). */
    public List<String> rawValues(String headerName) {
        return byName.getOrDefault(headerName.toLowerCase(Locale.ROOT), List.of());
    }

    /** Every header in file order, as (name as written, value). */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The description: the message body if there is one, else the Description header. */
    public Optional<String> description() {
        if (body != null) {
            return Optional.of(body);
        }
        for (String value : rawValues(MetadataField.DESCRIPTION.header())) {
            if (!value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Things worth telling the user that are not errors (e.g. a body overriding a Description header). */
    public List<String> notes() {
        return notes;
    }

    /** True when License-File values are present but the declared Metadata-Version predates the field. */
    public boolean hasPrematureLicenseFiles() {
        return !getAll(MetadataField.LICENSE_FILE).isEmpty() && MetadataField.LICENSE_FILE.isNewerThan(metadataVersion());
    }

    /**
     * The upload form's metadata fields, in order, under PyPI's current names: repeated fields as repeated entries,
     * Keywords as one comma-separated value, {@code requires_python} always (empty when absent, because GitLab's
     * registry requires the field), and never a blank or {@code UNKNOWN} value otherwise.
     *
     * <p>Metadata-Version, Name and Version are not included: the form builder sends those first.
     */
    public List<Map.Entry<String, String>> formFields() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (MetadataField field : MetadataField.values()) {
            if (field.identifiesRelease()) {
                continue;
            }
            List<String> values = formValues(field);
            if (values.isEmpty() && field == MetadataField.REQUIRES_PYTHON) {
                out.add(entry(field.formName(), "")); // PyPI reads an empty value as absent
            }
            values.forEach(value -> out.add(entry(field.formName(), value)));
        }
        return out;
    }

    /**
     * The values of a field as the upload form sends them, which are the values PyPI validates: for a single-use field
     * the first value only, for Keywords all values as one comma-separated value, never a blank or {@code UNKNOWN}
     * value (PyPI drops those). License-File values are left out when the declared Metadata-Version is older than 2.4:
     * older setuptools wrote them under 2.1, and PyPI refuses a field newer than the declared version (twine drops them
     * the same way).
     */
    public List<String> formValues(MetadataField field) {
        return formValues.get(field);
    }

    @Override
    public String toString() {
        return "CoreMetadata[" + get(MetadataField.NAME).orElse("?") + " " + get(MetadataField.VERSION).orElse("?") + "]";
    }
}
