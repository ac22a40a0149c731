package io.github.pypimaven.repository;

import io.github.pypimaven.http.SecureUrl;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a release goes: an index that takes uploads over HTTP, or a directory holding a local PEP 503 index. The
 * {@code repositoryUrl} setting is parsed into one of the two once, and everything downstream dispatches on the type.
 */
public sealed interface PublishTarget permits RemoteIndex, LocalIndexDirectory {

    String SETTING = "repositoryUrl (pypi.repositoryUrl)";

    /** How messages name the target: {@code upload.pypi.org}, {@code local index /path}. */
    String displayName();

    /**
     * @param text the configured {@code repositoryUrl}
     * @param baseDirectory what a relative {@code file:} URL is resolved against (the project directory)
     * @throws IllegalArgumentException with a message that names the setting and what to do
     */
    static PublishTarget parse(String text, Path baseDirectory) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(SETTING + " is empty; PyPI's upload URL is " + KnownIndex.PYPI_UPLOAD_URL
                    + ", TestPyPI's " + KnownIndex.TESTPYPI_UPLOAD_URL + ".");
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return new LocalIndexDirectory(localPath(value, baseDirectory));
        }
        return RemoteIndex.of(SecureUrl.parse(value, SETTING, KnownIndex.PYPI_UPLOAD_URL + " (TestPyPI: "
                + KnownIndex.TESTPYPI_UPLOAD_URL + "), or a file: URL for a local index"));
    }

    private static Path localPath(String text, Path baseDirectory) {
        try { // InvalidPathException is an IllegalArgumentException
            return baseDirectory.resolve(FileUrl.pathText(text, FileUrl.onWindows())).normalize();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SETTING + " '" + text + "' cannot be used: it is not a usable file: URL ("
                    + e.getMessage() + "); write file:relative/path or file:///absolute/path.");
        }
    }
}
