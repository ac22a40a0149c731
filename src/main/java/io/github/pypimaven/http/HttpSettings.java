package io.github.pypimaven.http;

import java.time.Duration;
import java.util.Optional;

/**
 * How the plugin's HTTP clients behave.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param responseTimeout how long to wait for the server after the request was sent; PyPI checks a large
 *     file for minutes before it answers, so uploads use a long one
 * @param userAgent the User-Agent header
 * @param proxy the proxy to reach the index through, if any
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent, Optional<ProxySettings> proxy) {

    /** Without a proxy. */
    public HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent) {
        this(connectTimeout, responseTimeout, userAgent, Optional.empty());
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(30), Duration.ofMinutes(15), UserAgent.VALUE);
    }
}
