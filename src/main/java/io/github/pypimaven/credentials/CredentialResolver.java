package io.github.pypimaven.credentials;

import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.repository.KnownIndex;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.trust.CiIdentityProvider;
import io.github.pypimaven.trust.TrustedPublishing;
import io.github.pypimaven.trust.TrustedPublishingException;
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
 *
 * <p>An identity token is only ever requested for the audience of the index it will be sent to: pinned for PyPI and
 * TestPyPI ({@link KnownIndex}), and for any other index only when the user asked for Trusted Publishing there
 * ({@code always}) and named its audience ({@code oidcAudience}). Otherwise a hostile index could name the audience
 * of another service (an AWS role, Sigstore) and receive a token that is good there.
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

    /** The credentials to upload with; a configured token is masked on GitHub Actions before it is used. */
    public UploadCredentials resolve(CredentialRequest request, RemoteIndex index, CloseableHttpClient http,
            GitHubActions github) throws CredentialsException {
        Choice choice = choose(request, index);
        if (choice.token().isPresent()) {
            github.mask(choice.token().get().value());
            return choice.token().get();
        }
        try {
            return new TrustedPublishingCredentials(trustedPublishing.open(index, choice.audience().orElseThrow(),
                    request.environment(), http, github));
        } catch (TrustedPublishingException e) {
            throw new CredentialsException(e.getMessage(), e);
        }
    }

    /**
     * Where the token would come from, without minting one or sending anything: for a dry run. Fails exactly as
     * {@link #resolve} would for a configuration problem.
     */
    public String describe(CredentialRequest request, RemoteIndex index) throws CredentialsException {
        return plan(request, index).source();
    }

    /**
     * {@link #describe}, whether the token will come from Trusted Publishing, and why getting it would fail when the
     * environment already shows it (a CI job without its identity token): for a dry run and the check goal, without
     * minting or sending anything.
     */
    public CredentialPlan plan(CredentialRequest request, RemoteIndex index) throws CredentialsException {
        Choice choice = choose(request, index);
        if (choice.token().isPresent()) {
            return new CredentialPlan(choice.token().get().source(), false, Optional.empty());
        }
        CiIdentityProvider identity = choice.identity().orElseThrow();
        String audience = choice.audience().orElseThrow();
        return new CredentialPlan("Trusted Publishing (" + identity.name() + " identity, audience '" + audience + "')",
                true, identity.missingIdentity(audience, request.environment()));
    }

    /** A configured token, or the CI identity to exchange and the audience to ask for: never both, never neither. */
    private record Choice(Optional<StaticToken> token, Optional<CiIdentityProvider> identity, Optional<String> audience) {

        static Choice token(StaticToken token) {
            return new Choice(Optional.of(token), Optional.empty(), Optional.empty());
        }

        static Choice trustedPublishing(CiIdentityProvider identity, String audience) {
            return new Choice(Optional.empty(), Optional.of(identity), Optional.of(audience));
        }
    }

    private Choice choose(CredentialRequest request, RemoteIndex index) throws CredentialsException {
        Optional<StaticToken> configured = request.configuredToken();
        Optional<CiIdentityProvider> identity = trustedPublishing.detect(request.environment());
        switch (request.mode()) {
            case NEVER -> {
                return Choice.token(configured.orElseThrow(() -> new CredentialsException("No credentials for "
                        + index.displayName() + ": configure an API token as " + TOKEN_SETTINGS
                        + " (trustedPublishing is never).")));
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
                return Choice.trustedPublishing(identity.get(), audience(request, index));
            }
            default -> {
                if (configured.isPresent()) {
                    if (identity.isPresent() && index.known().isPresent()) {
                        LOG.info("Using the API token from {}; Trusted Publishing would need no stored token at all"
                                + " (see trustedPublishing)", configured.get().source());
                    }
                    return Choice.token(configured.get());
                }
                if (identity.isPresent() && index.known().isPresent()) {
                    return Choice.trustedPublishing(identity.get(), audience(request, index));
                }
                throw new CredentialsException("No credentials for " + index.displayName() + ": configure an API token as "
                        + TOKEN_SETTINGS + (index.known().isPresent()
                                ? ", or publish from GitHub Actions, GitLab CI/CD or Google Cloud with Trusted Publishing"
                                        + " (no token needed)."
                                : ". Trusted Publishing is tried automatically only for PyPI and TestPyPI; for this index"
                                        + " set trustedPublishing (pypi.trustedPublishing) to always and oidcAudience"
                                        + " (pypi.oidcAudience) to the audience it expects."));
            }
        }
    }

    /** The audience to ask identity tokens for: pinned for a known index, configured for any other. */
    private static String audience(CredentialRequest request, RemoteIndex index) throws CredentialsException {
        Optional<String> configured = request.oidcAudience();
        if (configured.isPresent() && configured.get().equalsIgnoreCase(CiIdentityProvider.SIGSTORE_AUDIENCE)) {
            // That token is good at Fulcio: the index would get the right to sign in this job's name.
            throw new CredentialsException("oidcAudience (pypi.oidcAudience) cannot be '" + configured.get() + "': that"
                    + " is Sigstore's audience, and a token for it must go to Sigstore's Fulcio and to no index. Set it"
                    + " to the audience the index's administrators document.");
        }
        if (index.known().isPresent()) {
            KnownIndex known = index.known().get();
            if (configured.isPresent() && !configured.get().equals(known.audience())) {
                throw new CredentialsException("oidcAudience (pypi.oidcAudience) is '" + configured.get() + "', but "
                        + known.displayName() + "'s Trusted Publishing audience is '" + known.audience() + "'. Remove"
                        + " oidcAudience: it is only for indexes other than PyPI and TestPyPI.");
            }
            return known.audience();
        }
        return configured.orElseThrow(() -> new CredentialsException("Trusted Publishing to " + index.displayName()
                + " needs the audience that index expects, and it is not one whose audience is known (PyPI: pypi,"
                + " TestPyPI: testpypi). Set oidcAudience (pypi.oidcAudience) to the audience the index's"
                + " administrators document (its /_/oidc/audience answer, checked before any token is asked for)."));
    }
}
