package io.github.pypimaven.testing.pypi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A distribution file the fake PyPI accepted, stored byte for byte at {@code path}, with the form fields of the
 * upload that created it.
 */
public record StoredFile(String filename, Path path, long size, String sha256, String md5,
        List<Map.Entry<String, String>> fields) {

    public List<String> values(String field) {
        return FormFields.values(fields, field);
    }

    /** The first value of the field, or null. */
    public String value(String field) {
        return FormFields.value(fields, field);
    }

    public String name() {
        return value("name");
    }

    public String version() {
        return value("version");
    }

    public String filetype() {
        return value("filetype");
    }
}
