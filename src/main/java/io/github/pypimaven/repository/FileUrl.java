package io.github.pypimaven.repository;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code file:} repository URL as the text of a path on this OS, by one set of rules for every OS (RFC 8089), so
 * that a POM behaves the same on Linux, macOS and Windows runners:
 * <ul>
 *   <li>{@code file:target/index}: relative to the project;</li>
 *   <li>{@code file:/abs/index}, {@code file:///abs/index}, {@code file://localhost/abs/index}: absolute;</li>
 *   <li>{@code file:///C:/index}, {@code file:/C:/index}, {@code file:C:/index}: a drive path on Windows;</li>
 *   <li>{@code file://server/share/index}: a UNC path ({@code \\server\share\index}), on Windows only;</li>
 *   <li>on Windows a backslash is a separator, so {@code file:${project.build.directory}/index}, which Maven
 *       interpolates to {@code file:C:\work\project\target/index} there, works as it does elsewhere.</li>
 * </ul>
 * Percent-escapes are decoded; a query or fragment is refused. The {@code windows} flag is the OS's, passed in so
 * that both flavours are tested on any machine.
 */
final class FileUrl {

    private static final Pattern DRIVE = Pattern.compile("/?[A-Za-z]:(/.*)?");

    private FileUrl() {}

    static boolean onWindows() {
        return File.separatorChar == '\\';
    }

    /**
     * @param url a URL whose scheme is {@code file} (any case)
     * @return the path it names, relative (to the project) or absolute, in this OS's syntax
     * @throws IllegalArgumentException saying what is wrong with it (the caller adds the setting's name)
     */
    static String pathText(String url, boolean windows) {
        String text = windows ? url.replace('\\', '/') : url;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage() + (text.contains("\\")
                    ? "; a backslash is not a path separator on this OS" : ""));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a file: URL names a directory and has no '?' or '#' part");
        }
        if (uri.isOpaque()) { // file:target/index, file:C:/index
            return drive(uri.getSchemeSpecificPart(), windows);
        }
        String host = uri.getRawAuthority();
        String path = uri.getPath();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("it names no directory");
        }
        if (host == null || host.isEmpty() || host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return drive(path, windows);
        }
        if (!windows) {
            throw new IllegalArgumentException("'" + host + "' is a host: file://host/share/... names a Windows share"
                    + " (UNC path), which only Windows can open; an absolute path is file:///path");
        }
        return "\\\\" + host + path.replace('/', '\\');
    }

    /** On Windows, {@code /C:/x} is the drive path {@code C:/x}; elsewhere every path stays as it is. */
    private static String drive(String path, boolean windows) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("it names no directory");
        }
        if (windows && DRIVE.matcher(path).matches()) {
            String drivePath = path.startsWith("/") ? path.substring(1) : path;
            return drivePath.length() == 2 ? drivePath + "/" : drivePath;
        }
        return path;
    }
}
