package io.github.pypimaven.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload token of one publishing run. It renews itself (a whole new exchange, with a fresh identity token)
 * when fewer than five minutes of its life remain, so uploads that take longer than one token's 15 minutes
 * keep working. Safe to share between threads.
 */
public final class TrustedPublishingSession {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedPublishingSession.class);

    /** Renew this long before expiry, so a token never runs out in the middle of an upload (as twine does). */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final TokenExchange exchange;
    private final Clock clock;
    private MintedToken current;
    private int mints;

    TrustedPublishingSession(TokenExchange exchange, Clock clock, MintedToken first) {
        this.exchange = exchange;
        this.clock = clock;
        this.current = first;
        this.mints = 1;
    }

    /** The token to upload with, renewed first if it is close to its expiry. */
    public synchronized String token() throws TrustedPublishingException {
        Instant now = clock.instant();
        if (now.plus(RENEW_BEFORE).isBefore(current.expiresAt())) {
            return current.token();
        }
        LOG.debug("Trusted Publishing: the upload token expires at {} UTC; minting a new one",
                TokenExchange.time(current.expiresAt()));
        try {
            current = exchange.exchange();
            mints++;
        } catch (TrustedPublishingException e) {
            if (now.isBefore(current.expiresAt())) {
                // Still valid for a while: better to try the upload than to fail for certain.
                LOG.warn("Trusted Publishing: could not renew the upload token, so the current one is used until it"
                        + " expires at {} UTC. {}", TokenExchange.time(current.expiresAt()), e.getMessage());
                return current.token();
            }
            throw e;
        }
        return current.token();
    }

    public synchronized Instant expiresAt() {
        return current.expiresAt();
    }

    /** What the identity tokens exchanged so far suggest may be misconfigured; each once. */
    public java.util.List<String> warnings() {
        return exchange.warnings();
    }

    /**
     * The claims of the CI identity token that was exchanged (repository, workflow, ...): whom attestations made in
     * this job must name.
     */
    public OidcClaims identityClaims() {
        return exchange.identityClaims();
    }

    /**
     * A fresh identity token of the same CI identity for Sigstore's Fulcio, which certifies the attestations' signing
     * key; masked on GitHub Actions before it is returned. It must go to Fulcio and nowhere else.
     */
    public String sigstoreToken(CloseableHttpClient http)
            throws TrustedPublishingException {
        return exchange.sigstoreToken(http);
    }

    public String providerName() {
        return exchange.providerName();
    }

    /** How many upload tokens this session has minted (1 after opening). */
    public synchronized int mintCount() {
        return mints;
    }

    @Override
    public synchronized String toString() {
        return "TrustedPublishingSession[provider=" + providerName() + ", expiresAt=" + current.expiresAt()
                + ", mints=" + mints + "]";
    }
}
