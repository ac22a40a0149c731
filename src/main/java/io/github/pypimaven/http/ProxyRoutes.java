package io.github.pypimaven.http;

import java.net.ProxySelector;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Decides for every request whether it goes through a proxy: the settings.xml proxy when there is one (except its
 * {@code nonProxyHosts}), else the JVM's ({@code https.proxyHost}, ...).
 *
 * <p>Never, whatever the settings say, for a server on this machine or its link: loopback (plain http is allowed there
 * only because it never leaves the machine; a proxy would read the upload token in clear), link-local addresses and
 * {@code metadata.google.internal} (cloud metadata servers: a proxy could answer in their place with an identity token
 * of its own), and requests sent with {@link #direct()} (the metadata server {@code GCE_METADATA_HOST} names). Only
 * names and literal addresses are compared, never a DNS answer, so DNS cannot move a request onto the proxy.
 */
public final class ProxyRoutes extends SystemDefaultRoutePlanner {

    private static final String DIRECT = ProxyRoutes.class.getName() + ".direct";

    private final Optional<ProxySettings> proxy;
    private final Optional<HttpHost> proxyHost;

    /**
     * @param proxy the settings.xml proxy, if any
     * @param jvmProxies asked when there is none; null for the JVM's default
     */
    ProxyRoutes(Optional<ProxySettings> proxy, ProxySelector jvmProxies) {
        super(DefaultSchemePortResolver.INSTANCE, jvmProxies);
        this.proxy = proxy;
        this.proxyHost = proxy.map(p -> new HttpHost(p.protocol(), p.host(), p.port()));
    }

    /** A context for a request that must never go through a proxy: to a service of this machine or its link. */
    public static HttpContext direct() {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(DIRECT, Boolean.TRUE);
        return context;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        if (neverProxied(target.getHostName()) || Boolean.TRUE.equals(context.getAttribute(DIRECT))) {
            return null;
        }
        if (proxy.isPresent()) {
            return proxy.get().appliesTo(target.getHostName()) ? proxyHost.orElseThrow() : null;
        }
        return super.determineProxy(target, context);
    }

    /** Whether {@code host} is this machine or a link-local service, which no proxy may stand in for. */
    static boolean neverProxied(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host; // the same name in DNS
        if (SecureUrl.isLoopbackHost(name) || name.toLowerCase(Locale.ROOT).equals("metadata.google.internal")) {
            return true;
        }
        return SecureUrl.literalAddress(name)
                .filter(a -> a.isLinkLocalAddress() || a.isAnyLocalAddress())
                .isPresent();
    }
}
