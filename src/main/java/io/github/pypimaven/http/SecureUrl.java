package io.github.pypimaven.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An http(s) URL the plugin may send a secret to (an upload token, an identity token, index credentials), parsed and
 * checked once, where the setting is read: {@code https}, or plain {@code http} only to this machine (a literal
 * loopback address or {@code localhost}), a host, and no credentials in the URL itself.
 *
 * <p>Every refusal names the setting and shows the URL without any {@code user:password@} part, so a credential
 * pasted into a URL never reaches a log.
 */
public record SecureUrl(URI uri) {

    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    /**
     * @param text the configured value
     * @param setting how the user knows the setting, e.g. {@code repositoryUrl (pypi.repositoryUrl)}
     * @param example what a good value looks like, appended when the scheme is wrong
     * @throws IllegalArgumentException with a message naming the setting and what to do
     */
    public static SecureUrl parse(String text, String setting, String example) {
        String shown = withoutUserInfo(text == null ? "" : text.strip());
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw refused(setting, shown, "it is not a valid URL (" + withoutUserInfo(e.getReason()) + ")");
        }
        if (uri.getRawUserInfo() != null || USER_INFO.matcher(text.strip()).find()) {
            throw refused(setting, shown, "it contains credentials (user:password@); remove them from the URL and"
                    + " configure them in settings.xml or an environment variable instead");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused(setting, shown, "use an https:// URL, such as " + example);
        }
        if (uri.getHost() == null) {
            throw refused(setting, shown, "it has no host name");
        }
        if (scheme.equals("http") && !isLoopbackHost(uri.getHost())) {
            throw refused(setting, shown, "plain http would send credentials unencrypted; use https (http is accepted"
                    + " only for a server on this machine: localhost, 127.0.0.1, ::1)");
        }
        return new SecureUrl(uri);
    }

    /**
     * Whether {@code host} is this machine. Only {@code localhost} and literal addresses count: resolving a name here
     * would let DNS decide whether a secret travels in clear text or past a proxy.
     */
    public static boolean isLoopbackHost(String host) {
        if (host != null && host.equalsIgnoreCase("localhost")) {
            return true;
        }
        return literalAddress(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * The address {@code host} spells out ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}), without any DNS lookup;
     * empty for a name.
     */
    static Optional<InetAddress> literalAddress(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+") && !h.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h)); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code text} with any {@code user:password@} after the scheme removed, for messages. */
    public static String withoutUserInfo(String text) {
        return text == null ? "" : USER_INFO.matcher(text).replaceFirst("$1");
    }

    private static IllegalArgumentException refused(String setting, String shown, String why) {
        return new IllegalArgumentException(setting + " '" + shown + "' cannot be used: " + why + ".");
    }

    public String host() {
        return uri.getHost();
    }

    /** Host and port as the user wrote them, e.g. {@code upload.pypi.org} or {@code 127.0.0.1:8080}. */
    public String authority() {
        return uri.getRawAuthority();
    }

    public boolean isLoopback() {
        return isLoopbackHost(uri.getHost());
    }

    /**
     * Whether {@code other} is on the same origin (RFC 6454: scheme, host and port, a default port spelled out or not):
     * the only URLs that may receive the credentials meant for this one.
     */
    public boolean sameOrigin(SecureUrl other) {
        return scheme().equals(other.scheme()) && uri.getHost().equalsIgnoreCase(other.uri.getHost())
                && port() == other.port();
    }

    private String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private int port() {
        return uri.getPort() != -1 ? uri.getPort() : scheme().equals("https") ? 443 : 80;
    }

    /** The same scheme, host and port with another absolute path: where an index serves its other endpoints. */
    public URI resolveOnHost(String absolutePath) {
        return uri.resolve(absolutePath);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
