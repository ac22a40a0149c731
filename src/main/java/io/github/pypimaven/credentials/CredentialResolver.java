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
 * Decides which credentials an upload uses: configured ones (the settings.xml server, then the user name and password
 * variables, then the token variable: {@link ConfiguredCredentials}), the GitLab CI/CD job token for the job's own
 * project registry, or a token minted by Trusted Publishing, as {@link TrustedPublishingMode} says.
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
    private static final String PASSWORD_SETTINGS = "a <server> in settings.xml (serverId, pypi.serverId) with the"
            + " index's <username> and <password>, the environment variables named by usernameEnvName and"
            + " passwordEnvName (pypi.usernameEnvName, pypi.passwordEnvName), or an API token in the environment variable"
            + " named by tokenEnvName (pypi.tokenEnvName, default PYPI_API_TOKEN)";

    private final TrustedPublishing trustedPublishing;

    @Inject
    public CredentialResolver(TrustedPublishing trustedPublishing) {
        this.trustedPublishing = trustedPublishing;
    }

    /**
     * The credentials to upload with; a configured password or token is masked on GitHub Actions before it is used.
     * Trusted Publishing mints its token here, so callers that only need credentials known in advance ask
     * {@link #staticCredentials} first.
     */
    public UploadCredentials resolve(CredentialRequest request, RemoteIndex index, CloseableHttpClient http,
            GitHubActions github) throws CredentialsException {
        Choice choice = choose(request, index);
        if (choice.fixed().isPresent()) {
            github.mask(choice.fixed().get().basicAuth().password());
            return choice.fixed().get();
        }
        try {
            return new TrustedPublishingCredentials(trustedPublishing.open(index, choice.audience().orElseThrow(),
                    request.environment(), http, github));
        } catch (TrustedPublishingException e) {
            throw new CredentialsException(e.getMessage(), e);
        }
    }

    /**
     * The credentials {@link #resolve} would return when they are known without sending anything (configured ones, the
     * GitLab job token), masked on GitHub Actions; empty when the upload will use Trusted Publishing.
     */
    public Optional<StaticCredentials> staticCredentials(CredentialRequest request, RemoteIndex index,
            GitHubActions github) throws CredentialsException {
        Optional<StaticCredentials> fixed = choose(request, index).fixed();
        fixed.ifPresent(credentials -> github.mask(credentials.basicAuth().password()));
        return fixed;
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
        if (choice.fixed().isPresent()) {
            StaticCredentials fixed = choice.fixed().get();
            return new CredentialPlan(fixed.source(), fixed.description(), false, Optional.empty());
        }
        CiIdentityProvider identity = choice.identity().orElseThrow();
        String audience = choice.audience().orElseThrow();
        String source = "Trusted Publishing (" + identity.name() + " identity, audience '" + audience + "')";
        return new CredentialPlan(source, "the token from " + source, true,
                identity.missingIdentity(audience, request.environment()));
    }

    /**
     * Credentials known in advance, or the CI identity to exchange and the audience to ask for: never both, never
     * neither.
     */
    private record Choice(Optional<StaticCredentials> fixed, Optional<CiIdentityProvider> identity,
            Optional<String> audience) {

        static Choice fixed(StaticCredentials credentials) {
            return new Choice(Optional.of(credentials), Optional.empty(), Optional.empty());
        }

        static Choice trustedPublishing(CiIdentityProvider identity, String audience) {
            return new Choice(Optional.empty(), Optional.of(identity), Optional.of(audience));
        }
    }

    private Choice choose(CredentialRequest request, RemoteIndex index) throws CredentialsException {
        Optional<StaticCredentials> configured = ConfiguredCredentials.find(request, index);
        Optional<CiIdentityProvider> identity = trustedPublishing.detect(request.environment());
        switch (request.mode()) {
            case NEVER -> {
                if (configured.isPresent()) {
                    return Choice.fixed(configured.get());
                }
                return Choice.fixed(jobToken(request, index).orElseThrow(() -> new CredentialsException(
                        "No credentials for " + index.displayName() + ": configure " + settings(index)
                                + " (trustedPublishing is never)." + jobTokenHint(request))));
            }
            case ALWAYS -> {
                if (configured.isPresent()) {
                    throw new CredentialsException("trustedPublishing (pypi.trustedPublishing) is always, but "
                            + (configured.get() instanceof ApiToken ? "an API token is" : "a user name and password are")
                            + " also configured (" + configured.get().source() + "). Mixing both hides which one is"
                            + " used: remove them, or set trustedPublishing to auto or never.");
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
                    return Choice.fixed(configured.get());
                }
                Optional<GitLabJobToken> jobToken = jobToken(request, index);
                if (jobToken.isPresent()) {
                    return Choice.fixed(jobToken.get());
                }
                if (identity.isPresent() && index.known().isPresent()) {
                    return Choice.trustedPublishing(identity.get(), audience(request, index));
                }
                throw new CredentialsException("No credentials for " + index.displayName() + ": configure "
                        + settings(index) + (index.known().isPresent()
                                ? ", or publish from GitHub Actions, GitLab CI/CD or Google Cloud with Trusted Publishing"
                                        + " (no token needed)."
                                : ". Trusted Publishing is tried automatically only for PyPI and TestPyPI; for an index"
                                        + " that supports it, set trustedPublishing (pypi.trustedPublishing) to always"
                                        + " and oidcAudience (pypi.oidcAudience) to the audience it expects.")
                        + jobTokenHint(request));
            }
        }
    }

    /** What to configure: an API token for PyPI and TestPyPI, which take nothing else; any credentials elsewhere. */
    private static String settings(RemoteIndex index) {
        return index.known().isPresent() ? "an API token as " + TOKEN_SETTINGS : PASSWORD_SETTINGS;
    }

    private static Optional<GitLabJobToken> jobToken(CredentialRequest request, RemoteIndex index) {
        Optional<GitLabJobToken> token = GitLabJobToken.forIndex(index, request.environment());
        token.ifPresent(t -> LOG.debug("{} is this GitLab CI/CD job's project registry: using {}", index,
                GitLabJobToken.SOURCE));
        return token;
    }

    /** On GitLab CI/CD, where the job token would have been used. */
    private static String jobTokenHint(CredentialRequest request) {
        return GitLabJobToken.ownRegistry(request.environment()).filter(own -> request.environment()
                .get("CI_JOB_TOKEN").isPresent()).map(own -> " The GitLab CI/CD job token is used without configuration"
                        + " only for this project's own package registry, " + own + ".").orElse("");
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
