package io.github.pypimaven.upload;

import io.github.pypimaven.repository.RemoteIndex;
import java.util.Locale;

/**
 * Where the digest fields go in the upload form: after the file, so that it is hashed while it is sent and read once,
 * or before it, so that every file is hashed before its upload starts.
 *
 * <p>After the file is safe only where the index reads the whole form before it looks at a field. Warehouse (PyPI,
 * TestPyPI) does: its {@code file_upload} view in {@code warehouse/forklift/legacy.py} validates
 * {@code MetadataForm(request.POST)}, a WebOb multidict of every part, and only then hashes
 * {@code request.POST["content"]} and compares the digests. Read from their source as well: pypiserver
 * ({@code pypiserver/_app.py}, Bottle's {@code request.files}, filled from the whole body) and devpi-server
 * ({@code devpi_server/views.py}, Pyramid's {@code request.POST}) read the whole form and do not check the digests;
 * Nexus Repository's {@code PyPiHostedHandlers} collects every part before it stores the file. Artifactory's source is
 * not public, and other indexes are not known by their URL, so {@link #AUTO} puts the digests after the file only
 * for PyPI and TestPyPI.
 */
public enum DigestPlacement {
    /** After the file for PyPI and TestPyPI, before it elsewhere. */
    AUTO,
    /** After the file, for an index known to read the whole form first. */
    AFTER_FILE,
    /** Before the file, everywhere. */
    BEFORE_FILE;

    public static final String SETTING = "digestsAfterFile (pypi.digestsAfterFile)";

    /** {@code auto}, {@code true} or {@code false}. */
    public static DigestPlacement parse(String value) {
        String v = value == null ? "auto" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "auto" -> AUTO;
            case "true" -> AFTER_FILE;
            case "false" -> BEFORE_FILE;
            default -> throw new IllegalArgumentException(SETTING + " must be auto, true or false, not '" + value
                    + "'");
        };
    }

    /** Whether the digests go after the file on this index. */
    public boolean afterFile(RemoteIndex index) {
        return this == AFTER_FILE || this == AUTO && index.known().isPresent();
    }
}
