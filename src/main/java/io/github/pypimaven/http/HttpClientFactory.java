package io.github.pypimaven.http;

import java.util.LinkedHashMap;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one kind of HTTP client the plugin uses, through the settings.xml proxy when there is one (never for this
 * machine or a cloud metadata server: see {@link ProxyRoutes}): no redirects followed (a redirected upload would
 * re-send credentials to another URL), no automatic retries (retrying is a decision of the caller), no cookies, answers
 * in identity or gzip coding only (and read through {@link BoundedExchange}), connections that never log headers
 * or bodies (see {@link QuietConnection}), and TLS that trusts the JVM's authorities plus the configured
 * {@link TrustStore}, if any.
 *
 * <p>Callers close the client when their run ends (see {@link SharedHttpClients}); nothing is shared between Maven
 * executions.
 */
@Named
@Singleton
public class HttpClientFactory {

    static final int MAX_CONNECTIONS_PER_HOST = 16;

    public CloseableHttpClient create(HttpSettings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create();
        // Without a trust store, TLS trusts what the JVM trusts: its cacerts, or javax.net.ssl.trustStore.
        pool.setTlsSocketStrategy(new DeferredTls(() -> settings.trustStore()
                .map(store -> new DefaultClientTlsStrategy(store.sslContext()))
                .orElseGet(DefaultClientTlsStrategy::createDefault)));
        PoolingHttpClientConnectionManager connections = pool
                .setConnectionFactory(socket -> {
                    QuietConnection connection = new QuietConnection(Http1Config.DEFAULT);
                    if (socket != null) {
                        connection.bind(socket);
                    }
                    return connection;
                })
                // Enough connections for the most uploads a run sends at the same time (parallelUploads).
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
                .setMaxConnTotal(2 * MAX_CONNECTIONS_PER_HOST)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom();
        builder.setRoutePlanner(new ProxyRoutes(settings.proxy(), null));
        settings.proxy().ifPresent(proxy -> proxyCredentials(builder, proxy));
        return builder
                .setConnectionManager(connections)
                .setContentDecoderRegistry(gzipOnly())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .useSystemProperties()
                .setUserAgent(settings.userAgent())
                .build();
    }

    /**
     * Answers may come gzip-compressed, or not at all. HttpClient would otherwise offer every coding it can decode, and
     * with commons-compress on the class path that includes lz4, bzip2, pack200 and deflate64: ways for a server to
     * make a small answer enormous, and code paths no index needs. An answer in any other coding is refused.
     */
    private static LinkedHashMap<String, InputStreamFactory> gzipOnly() {
        LinkedHashMap<String, InputStreamFactory> decoders = new LinkedHashMap<>();
        decoders.put("gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("x-gzip", GZIPInputStreamFactory.getInstance());
        return decoders;
    }

    /** The settings.xml proxy's user and password, for the proxy only. */
    private static void proxyCredentials(HttpClientBuilder builder, ProxySettings proxy) {
        if (proxy.username() != null && !proxy.username().isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(new HttpHost(proxy.protocol(), proxy.host(), proxy.port())),
                    new UsernamePasswordCredentials(proxy.username(),
                            (proxy.password() == null ? "" : proxy.password()).toCharArray()));
            builder.setDefaultCredentialsProvider(credentials);
        }
    }
}
