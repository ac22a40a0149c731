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
 * @param trustStore certificates to trust besides the Java runtime's (the {@code trustStore} setting), if any
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent, Optional<ProxySettings> proxy,
        Optional<TrustStore> trustStore) {

    /** Without a proxy. */
    public HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent) {
        this(connectTimeout, responseTimeout, userAgent, Optional.empty());
    }

    /** With the Java runtime's trust only. */
    public HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent, Optional<ProxySettings> proxy) {
        this(connectTimeout, responseTimeout, userAgent, proxy, Optional.empty());
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(30), Duration.ofMinutes(15), UserAgent.VALUE);
    }

    /** The same settings with another response timeout. */
    public HttpSettings withResponseTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, userAgent, proxy, trustStore);
    }

    /** The same settings, also trusting the certificates of {@code store}. */
    public HttpSettings withTrustStore(TrustStore store) {
        return new HttpSettings(connectTimeout, responseTimeout, userAgent, proxy, Optional.of(store));
    }
}
