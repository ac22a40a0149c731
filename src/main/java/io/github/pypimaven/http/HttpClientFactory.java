package io.github.pypimaven.http;

import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one kind of HTTP client the plugin uses, through the settings.xml proxy when there is one: no redirects followed (a redirected upload would
 * re-send credentials to another URL), no automatic retries (retrying is a decision of the caller), no
 * cookies, and connections that never log headers or bodies (see {@link QuietConnection}).
 *
 * <p>Callers close the client when their run ends; nothing is shared between Maven executions.
 */
@Named
@Singleton
public class HttpClientFactory {

    public CloseableHttpClient create(HttpSettings settings) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(socket -> {
                    QuietConnection connection = new QuietConnection(Http1Config.DEFAULT);
                    if (socket != null) {
                        connection.bind(socket);
                    }
                    return connection;
                })
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom();
        settings.proxy().ifPresent(proxy -> useProxy(builder, proxy));
        return builder
                .setConnectionManager(connections)
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

    /** Routes requests through the proxy (unless the target is one of its non-proxy hosts), with its credentials. */
    private static void useProxy(HttpClientBuilder builder, ProxySettings proxy) {
        HttpHost proxyHost = new HttpHost(proxy.protocol(), proxy.host(), proxy.port());
        builder.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
            @Override
            protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                return proxy.appliesTo(target.getHostName()) ? proxyHost : null;
            }
        });
        if (proxy.username() != null && !proxy.username().isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(proxy.username(),
                    (proxy.password() == null ? "" : proxy.password()).toCharArray()));
            builder.setDefaultCredentialsProvider(credentials);
        }
    }
}
