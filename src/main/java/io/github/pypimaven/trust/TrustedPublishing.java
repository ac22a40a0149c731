package io.github.pypimaven.trust;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.ci.GitHubActions;
import java.io.IOException;
import io.github.pypimaven.repository.RemoteIndex;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * PyPI Trusted Publishing: exchanges the CI job's OIDC identity for a short-lived upload token, so that no
 * long-lived API token has to be stored in the CI system.
 */
@Named
@Singleton
public class TrustedPublishing {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrustedPublishing.class);

    private static final Path DMI_PRODUCT_NAME = Path.of("/sys/class/dmi/id/product_name");

    private final Clock clock;
    private final Path dmiProductName;
    private final URI googleIamBaseUrl;

    public TrustedPublishing() {
        this(Clock.systemUTC(), DMI_PRODUCT_NAME, GoogleCloudIdentity.PRODUCTION_IAM);
    }

    /** For tests: a controllable clock, a fake DMI file and a loopback IAM Credentials API. */
    TrustedPublishing(Clock clock, Path dmiProductName, URI googleIamBaseUrl) {
        this.clock = clock;
        this.dmiProductName = dmiProductName;
        this.googleIamBaseUrl = googleIamBaseUrl;
    }

    /** Which CI identity this environment offers, without any network call. */
    public Optional<CiIdentityProvider> detect(Environment env) {
        if (env.get("GITHUB_ACTIONS").map("true"::equals).orElse(false)) {
            return Optional.of(new GitHubActionsIdentity());
        }
        if (env.get("GITLAB_CI").map("true"::equals).orElse(false)) {
            return Optional.of(new GitLabIdentity());
        }
        if (env.get("GCE_METADATA_HOST").isPresent() || onGoogleHardware()) {
            return Optional.of(new GoogleCloudIdentity(googleIamBaseUrl));
        }
        return Optional.empty();
    }

    private boolean onGoogleHardware() {
        try {
            String product = Files.readString(dmiProductName).strip();
            return product.equals("Google") || product.equals("Google Compute Engine");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or no DMI data: not a Google VM as far as we can tell
        }
    }

    /**
     * Mints a first upload token for {@code index} and returns the session that keeps it fresh. Secrets are masked
     * on GitHub Actions ({@code github}) the moment they exist; failures are for the caller to report.
     *
     * @param audience the audience identity tokens are requested for: decided by the caller, never by the index,
     *     which only gets to confirm it
     */
    public TrustedPublishingSession open(RemoteIndex index, String audience, Environment env, CloseableHttpClient http,
            GitHubActions github) throws TrustedPublishingException {
        CiIdentityProvider provider = detect(env).orElseThrow(() -> new TrustedPublishingException(
                "Trusted Publishing failed: this build does not run in a CI system that can prove its identity"
                        + " to the index (GitHub Actions, GitLab CI/CD or Google Cloud). Run the publishing in"
                        + " one of those with a trusted publisher configured on the index, or configure an API"
                        + " token instead."));
        LOG.info("Trusted Publishing: asking {} for identity tokens with the audience '{}' of {}", provider.name(),
                audience, index.displayName());
        TokenExchange exchange = new TokenExchange(index, audience, provider, env, http, github, clock);
        return new TrustedPublishingSession(exchange, clock, exchange.exchange());
    }
}
