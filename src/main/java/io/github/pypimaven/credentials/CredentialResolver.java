package io.github.pypimaven.credentials;

import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.trust.CiIdentityProvider;
import io.github.pypimaven.trust.TrustedPublishing;
import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which token an upload uses: a configured API token (settings.xml server first, then the environment
 * variable), or one minted by Trusted Publishing, as {@link TrustedPublishingMode} says.
 */
@Named
@Singleton
public class CredentialResolver {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialResolver.class);
    private static final String TOKEN_SETTINGS = "the password of a <server> in settings.xml (serverId, pypi.serverId)"
            + " or the environment variable named by tokenEnvName (pypi.tokenEnvName, default PYPI_API_TOKEN)";

    private final TrustedPublishing trustedPublishing;

    @Inject
    public CredentialResolver(TrustedPublishing trustedPublishing) {
        this.trustedPublishing = trustedPublishing;
    }

    public UploadCredentials resolve(CredentialRequest request, RemoteIndex repository, CloseableHttpClient http,
            GitHubActions github) throws CredentialsException {
        Choice choice = choose(request, repository);
        if (choice.token().isPresent()) {
            return choice.token().get();
        }
        return open(repository, request, http, github);
    }

    /**
     * Where the token would come from, without minting one or sending anything: for a dry run. Fails exactly as
     * {@link #resolve} would for a configuration problem.
     */
    public String describe(CredentialRequest request, RemoteIndex repository) throws CredentialsException {
        Choice choice = choose(request, repository);
        return choice.token().map(StaticToken::source)
                .orElseGet(() -> "Trusted Publishing (" + choice.identity().orElseThrow().name() + " identity)");
    }

    /** A configured token, or the CI identity to exchange: never both, never neither. */
    private record Choice(Optional<StaticToken> token, Optional<CiIdentityProvider> identity) {}

    private Choice choose(CredentialRequest request, RemoteIndex repository) throws CredentialsException {
        Optional<StaticToken> configured = request.configuredToken();
        Optional<CiIdentityProvider> identity = trustedPublishing.detect(request.environment());
        switch (request.mode()) {
            case NEVER -> {
                return new Choice(Optional.of(configured.orElseThrow(() -> new CredentialsException("No credentials for "
                        + repository.displayName() + ": configure an API token as " + TOKEN_SETTINGS
                        + " (trustedPublishing is never)."))), Optional.empty());
            }
            case ALWAYS -> {
                if (configured.isPresent()) {
                    throw new CredentialsException("trustedPublishing (pypi.trustedPublishing) is always, but an API token"
                            + " is also configured (" + configured.get().source() + "). Mixing both hides which one is"
                            + " used: remove the token, or set trustedPublishing to auto or never.");
                }
                if (identity.isEmpty()) {
                    throw new CredentialsException("trustedPublishing (pypi.trustedPublishing) is always, but this build"
                            + " has no CI identity to prove: run it in GitHub Actions (GITHUB_ACTIONS=true, with"
                            + " 'permissions: id-token: write' on the job), GitLab CI/CD (GITLAB_CI=true, with an id_tokens"
                            + " entry) or on Google Cloud (a metadata server).");
                }
                return new Choice(Optional.empty(), identity);
            }
            default -> {
                if (configured.isPresent()) {
                    if (identity.isPresent()) {
                        LOG.info("Using the API token from {}; Trusted Publishing would need no stored token at all"
                                + " (see trustedPublishing)", configured.get().source());
                    }
                    return new Choice(configured, Optional.empty());
                }
                if (identity.isPresent()) {
                    return new Choice(Optional.empty(), identity);
                }
                throw new CredentialsException("No credentials for " + repository.displayName() + ": configure an API token as "
                        + TOKEN_SETTINGS + ", or publish from GitHub Actions, GitLab CI/CD or Google Cloud with"
                        + " Trusted Publishing (no token needed).");
            }
        }
    }

    private UploadCredentials open(RemoteIndex repository, CredentialRequest request, CloseableHttpClient http,
            GitHubActions github) throws CredentialsException {
        try {
            return new TrustedPublishingCredentials(trustedPublishing.open(repository, request.environment(), http, github));
        } catch (TrustedPublishingException e) {
            throw new CredentialsException(e.getMessage(), e);
        }
    }
}
