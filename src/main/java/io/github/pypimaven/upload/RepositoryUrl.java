package io.github.pypimaven.upload;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Where distributions go: an upload endpoint ({@code https://upload.pypi.org/legacy/}), or a {@code file:} URL
 * naming a local PEP 503 index directory.
 *
 * <p>Plain {@code http://} is refused except on loopback, because the upload carries the token. Credentials in
 * the URL are refused: they would end up in logs and in the POM.
 */
public record RepositoryUrl(URI uri, Path localDirectory) {

    public static final String PYPI = "https://upload.pypi.org/legacy/";

    /**
     * @param text the configured value of {@code repositoryUrl}
     * @param baseDirectory the directory a relative {@code file:} URL is resolved against
     */
    public static RepositoryUrl parse(String text, Path baseDirectory) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty; the PyPI upload URL is " + PYPI);
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid(text, "it is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> {
                return new RepositoryUrl(uri, localPath(uri, baseDirectory));
            }
            case "https", "http" -> {
                if (uri.getHost() == null) {
                    throw invalid(text, "it has no host name");
                }
                if (uri.getRawUserInfo() != null) {
                    throw invalid(text.replace(uri.getRawUserInfo() + "@", "***@"),
                            "it contains credentials; remove them and configure a token in settings.xml or an"
                            + " environment variable (or use Trusted Publishing)");
                }
                if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                    throw invalid(text, "plain http would send the upload token unencrypted; use https"
                            + " (http is accepted only for a server on this machine: localhost, 127.0.0.1, ::1)");
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    throw invalid(text, "an upload URL has no query or fragment");
                }
                return new RepositoryUrl(uri, null);
            }
            default -> throw invalid(text, "use an https:// upload URL (PyPI: " + PYPI
                    + ", TestPyPI: https://test.pypi.org/legacy/) or a file: URL for a local index");
        }
    }

    private static Path localPath(URI uri, Path baseDirectory) {
        if (uri.isOpaque()) { // file:target/index, relative to the project
            return baseDirectory.resolve(uri.getSchemeSpecificPart()).normalize();
        }
        try {
            return Paths.get(uri).normalize();
        } catch (IllegalArgumentException e) {
            throw invalid(uri.toString(), "it is not a usable file: URL (" + e.getMessage() + ")");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would let DNS decide whether the token is sent in clear.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("repositoryUrl (pypi.repositoryUrl) '" + text + "' cannot be used: " + why + ".");
    }

    /**
     * The simple API of the index behind this upload URL, where that is known (PyPI and TestPyPI): what a release
     * is compared with before anything is uploaded.
     */
    public java.util.Optional<URI> knownSimpleIndex() {
        if (isLocal()) {
            return java.util.Optional.empty();
        }
        return switch (uri.getHost().toLowerCase(Locale.ROOT)) {
            case "upload.pypi.org" -> java.util.Optional.of(URI.create("https://pypi.org/simple/"));
            case "test.pypi.org" -> java.util.Optional.of(URI.create("https://test.pypi.org/simple/"));
            default -> java.util.Optional.empty();
        };
    }

    /**
     * Parses the {@code checkUrl} setting: an index's simple API URL, https (or http on this machine).
     */
    public static URI parseCheckUrl(String text) {
        URI check;
        try {
            check = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("checkUrl (pypi.checkUrl) '" + text + "' is not a valid URL (" + e.getReason() + ").");
        }
        String scheme = check.getScheme() == null ? "" : check.getScheme().toLowerCase(Locale.ROOT);
        if (check.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(check.getHost()))) {
            throw new IllegalArgumentException("checkUrl (pypi.checkUrl) '" + text + "' cannot be used: give the index's"
                    + " simple API URL over https, such as https://pypi.org/simple/ (http only for a server on this machine),"
                    + " or 'none' to skip the check.");
        }
        return check;
    }

    public boolean isLocal() {
        return localDirectory != null;
    }

    public String host() {
        return isLocal() ? "local index " + localDirectory : uri.getAuthority();
    }

    @Override
    public String toString() {
        return isLocal() ? localDirectory.toUri().toString() : uri.toString();
    }
}
