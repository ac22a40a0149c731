package io.github.pypimaven.upload;

import io.github.pypimaven.repository.RemoteIndex;
import java.util.Locale;

/**
 * Where the digest fields go in the upload form: after the file, so that the file is hashed while it is sent and read
 * once, or before it, so that the file is hashed before its upload starts.
 *
 * <p>After the file is safe only where the index reads the whole form before it looks at a field. Warehouse (PyPI,
 * TestPyPI) does: its upload view works on WebOb's {@code request.POST}, which is the whole body parsed, and only then
 * hashes the {@code content} part and compares the digests; field order does not matter to it (uv sends a field after
 * {@code content} too). For other indexes (pypiserver, devpi, Nexus, Artifactory, proxies in front of them) this was
 * not verified, and they are not known by their URL, so {@link #AUTO} gives them the order twine uses: every field
 * before the file. A user who knows their index reads the whole form says {@code true}.
 */
public enum DigestPlacement {
    /** After the file for PyPI and TestPyPI, before it elsewhere. */
    AUTO,
    /** After the file, for an index known to read the whole form first. */
    AFTER_FILE,
    /** Before the file, everywhere. */
    BEFORE_FILE;

    public static final String SETTING = "digestsAfterFile (pypi.digestsAfterFile)";

    /** {@code auto} (or unset), {@code true} or {@code false}. */
    public static DigestPlacement parse(String value) {
        String v = value == null ? "auto" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "auto" -> AUTO;
            case "true" -> AFTER_FILE;
            case "false" -> BEFORE_FILE;
            default -> throw new IllegalArgumentException(SETTING + " is '" + value + "': use auto (after the file for"
                    + " PyPI and TestPyPI only), true or false");
        };
    }

    /** Whether the digests go after the file on this index. */
    public boolean afterFile(RemoteIndex index) {
        return this == AFTER_FILE || this == AUTO && index.known().isPresent();
    }
}
