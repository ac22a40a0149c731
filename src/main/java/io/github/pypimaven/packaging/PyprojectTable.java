package io.github.pypimaven.packaging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code [project]} table of a pyproject.toml, with typed reads that fail with the file, the key and what was
 * expected ({@code pyproject.toml: [project].urls must be a table of strings, not an array}).
 */
final class PyprojectTable {

    private final Path file;
    private final JsonNode project;
    private final JsonNode buildSystem;

    private PyprojectTable(Path file, JsonNode project, JsonNode buildSystem) {
        this.file = file;
        this.project = project;
        this.buildSystem = buildSystem;
    }

    /** Parses the file and finds its {@code [project]} table. */
    static PyprojectTable read(Path file) throws PackagingException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null || where.getLineNr() < 0 ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            // No cause: the parser's own message repeats ours with its internals ("[Source: (File)...]"), and Maven
            // appends every cause's message to the build failure.
            throw new PackagingException(file + " is not valid TOML" + position + ": " + e.getOriginalMessage()
                    + "; fix the syntax");
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PackagingException(file + " is empty; add a [project] table (PEP 621)");
        }
        PyprojectTable table = new PyprojectTable(file, root.get("project"), root.get("build-system"));
        if (table.project == null || !table.project.isObject()) {
            throw table.problem("project", "has no [project] table; add one with at least name = \"...\" (PEP 621)");
        }
        return table;
    }

    Path file() {
        return file;
    }

    /** Whether the file has a {@code [build-system]} table, which this plugin, being the build, does not run. */
    boolean hasBuildSystem() {
        return buildSystem != null;
    }

    boolean has(String key) {
        return project.has(key);
    }

    /** The raw value, or null. */
    JsonNode get(String key) {
        return project.get(key);
    }

    Iterator<String> keys() {
        return project.fieldNames();
    }

    /** A string value, or null when the key is absent. */
    String string(String key) throws PackagingException {
        JsonNode node = project.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem(key, "must be a string, not " + describe(node));
        }
        return node.asText();
    }

    /** An array of strings; empty when the key is absent. */
    List<String> strings(String key) throws PackagingException {
        JsonNode node = project.get(key);
        return node == null ? List.of() : stringArray(node, key);
    }

    List<String> stringArray(JsonNode node, String key) throws PackagingException {
        if (!node.isArray()) {
            throw problem(key, "must be an array of strings, not " + describe(node));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw problem(key, "must contain only strings, but has " + describe(element));
            }
            values.add(element.asText());
        }
        return values;
    }

    /** A table of strings, in file order; empty when the key is absent. */
    Map<String, String> stringTable(String key) throws PackagingException {
        return stringTable(project, key, key);
    }

    /** A table of strings inside another table; {@code fullKey} names it in messages. */
    Map<String, String> stringTable(JsonNode parent, String key, String fullKey) throws PackagingException {
        JsonNode table = parent.get(key);
        Map<String, String> values = new LinkedHashMap<>();
        if (table == null) {
            return values;
        }
        if (!table.isObject()) {
            throw problem(fullKey, "must be a table of strings, not " + describe(table));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw problem(fullKey + "." + entry.getKey(), "must be a string, not " + describe(entry.getValue()));
            }
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return values;
    }

    /** A string field of an inline table (the table is {@code key}), or null when absent. */
    String tableString(JsonNode table, String key, String field) throws PackagingException {
        JsonNode node = table.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem(key + "." + field, "must be a string, not " + describe(node));
        }
        return node.asText();
    }

    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "a table";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNumber() ? "a number" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** {@code <file>: [project].<key>}, how messages name a key. */
    String location(String key) {
        return file + ": [project]." + key;
    }

    PackagingException problem(String key, String what) {
        return new PackagingException(location(key) + " " + what);
    }
}
