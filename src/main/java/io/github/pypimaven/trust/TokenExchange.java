package io.github.pypimaven.trust;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.files.Sha256;
import io.github.pypimaven.repository.RemoteIndex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complete Trusted Publishing round: audience, a fresh identity token, checks, mint. Repeated for every
 * renewal, because the index accepts each identity token only once.
 */
final class TokenExchange {

    private static final Logger LOG = LoggerFactory.getLogger(TokenExchange.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final RemoteIndex index;
    private final String audience;
    private final CiIdentityProvider provider;
    private final Environment env;
    private final CloseableHttpClient http;
    private final GitHubActions github;
    private final Clock clock;
    private final MintTokenClient client = new MintTokenClient();
    /** Digests (never the tokens) of identity tokens already exchanged, to explain a reuse before the index refuses it. */
    private final Set<String> exchanged = new HashSet<>();
    private final Set<String> warned = new java.util.LinkedHashSet<>();
    /** The claims of the identity token exchanged last (claims are not secret; the token is not kept). */
    private volatile OidcClaims lastClaims;

    TokenExchange(RemoteIndex index, String audience, CiIdentityProvider provider, Environment env, CloseableHttpClient http,
            GitHubActions github, Clock clock) {
        this.index = index;
        this.audience = audience;
        this.provider = provider;
        this.env = env;
        this.http = http;
        this.github = github;
        this.clock = clock;
    }

    String providerName() {
        return provider.name();
    }

    MintedToken exchange() throws TrustedPublishingException {
        String announced = client.audience(index, http);
        if (!announced.equals(audience)) {
            // A hostile index could name the audience of another service and collect a token that is good there.
            throw new TrustedPublishingException("Trusted Publishing failed: " + index.displayName() + " asks for"
                    + " identity tokens with the audience '" + ForeignText.line(announced) + "', but the audience for "
                    + index.displayName() + " is '" + audience + "'. No identity token was requested. If this really is"
                    + " the index you publish to, check repositoryUrl; for an index other than PyPI and TestPyPI set"
                    + " oidcAudience (pypi.oidcAudience) to the audience its administrators document.");
        }
        String jwt = provider.oidcToken(audience, env, http);
        github.mask(jwt);
        String digest = digest(jwt);
        if (exchanged.contains(digest)) {
            throw new TrustedPublishingException(reuseMessage());
        }
        OidcClaims claims = OidcClaims.decode(jwt, provider.name());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Trusted Publishing: {} identity token: iss={}, aud={}, exp={}", provider.name(),
                    ForeignText.line(claims.textOrMissing("iss")), ForeignText.line(String.valueOf(claims.audience())),
                    ForeignText.line(claims.textOrMissing("exp")));
            for (String name : provider.matchedClaims()) {
                LOG.debug("Trusted Publishing: claim {} = {}", name, ForeignText.line(claims.textOrMissing(name)));
            }
        }
        claims.checkUsableFor(audience, clock.instant(), provider.name());
        warnOnce(provider.warnings(claims));
        MintedToken minted;
        try {
            minted = client.mint(index, jwt, http, github, clock.instant());
        } catch (MintTokenClient.MintRefused refused) {
            throw new TrustedPublishingException(MintFailureReport.render(index.displayName(), provider, claims, refused));
        }
        exchanged.add(digest);
        lastClaims = claims;
        LOG.info("Trusted Publishing: minted a token for {} from the {} identity (valid until {} UTC)", index.displayName(),
                provider.name(), TIME.format(minted.expiresAt()));
        return minted;
    }

    /** The claims of the identity token behind the current upload token. */
    OidcClaims identityClaims() {
        return lastClaims;
    }

    /**
     * A fresh identity token for Sigstore (audience {@value CiIdentityProvider#SIGSTORE_AUDIENCE}) from the same CI
     * identity, masked on GitHub Actions the moment it exists. The caller sends it to Fulcio, and nowhere else.
     */
    String sigstoreToken(CloseableHttpClient sigstoreHttp) throws TrustedPublishingException {
        String jwt = provider.sigstoreToken(env, sigstoreHttp);
        github.mask(jwt);
        return jwt;
    }

    synchronized List<String> warnings() {
        return List.copyOf(warned);
    }

    private String reuseMessage() {
        if (provider.oneTokenPerJob()) {
            return "Trusted Publishing failed: the upload token for " + index.displayName() + " needs renewing, but "
                    + provider.name() + " gives a job a single ID token, it was already exchanged, and the index"
                    + " accepts each identity token only once, so no new upload token can be minted in this job."
                    + " Upload fewer or smaller files per job (split the publishing into several jobs), or use an"
                    + " API token for uploads that take longer than the token's 15 minutes.";
        }
        return "Trusted Publishing failed: " + provider.name() + " returned an identity token that was already"
                + " exchanged, and the index accepts each only once. Re-run the job.";
    }

    private synchronized void warnOnce(List<String> warnings) {
        for (String warning : warnings.stream().map(w -> ForeignText.line(w, 1000, List.of())).toList()) {
            if (warned.add(warning)) {
                LOG.warn("Trusted Publishing: {}", warning);
            }
        }
    }

    private static String digest(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
