package io.github.pypimaven.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP proxy to reach the index through, as a settings.xml {@code <proxy>} describes it.
 *
 * @param protocol how to talk to the proxy itself ({@code http} or {@code https})
 * @param username null when the proxy needs no authentication
 * @param password never printed ({@link #toString()} hides it)
 * @param nonProxyHosts hosts reached directly, {@code |}-separated, {@code *} as a wildcard (Maven's syntax)
 */
public record ProxySettings(String protocol, String host, int port, String username, String password, String nonProxyHosts) {

    public ProxySettings {
        protocol = protocol == null || protocol.isBlank() ? "http" : protocol.strip().toLowerCase(Locale.ROOT);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the settings.xml proxy has no <host>");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("the settings.xml proxy " + host + " has no valid <port>");
        }
    }

    /** Whether a request to {@code targetHost} goes through this proxy. */
    public boolean appliesTo(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return true;
        }
        String target = targetHost.toLowerCase(Locale.ROOT);
        return Arrays.stream(nonProxyHosts.split("[|,]")).map(String::strip).filter(p -> !p.isEmpty())
                .noneMatch(p -> Pattern.compile(Pattern.quote(p.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"))
                        .matcher(target).matches());
    }

    @Override
    public String toString() {
        return "ProxySettings[" + protocol + "://" + (username == null ? "" : username + ":***@") + host + ":" + port
                + (nonProxyHosts == null ? "" : ", nonProxyHosts=" + nonProxyHosts) + "]";
    }
}
