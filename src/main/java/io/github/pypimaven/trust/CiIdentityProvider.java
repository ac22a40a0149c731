package io.github.pypimaven.trust;

import io.github.pypimaven.ci.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * A CI system that can vouch for the running job with an OIDC identity token. Implementations are chosen
 * by {@link TrustedPublishing#detect(Environment)}, never injected.
 */
public interface CiIdentityProvider {

    /**
     * The audience of identity tokens for Sigstore's Fulcio, which turns them into signing certificates. Such a token
     * goes to the configured Fulcio and nowhere else: no index is ever asked for it, and none ever gets it.
     */
    String SIGSTORE_AUDIENCE = "sigstore";

    /** How users know the provider: "GitHub Actions", "GitLab CI/CD", "Google Cloud". */
    String name();

    /**
     * A fresh identity token (a JWT) for {@code audience}. Throws with a complete, actionable diagnosis
     * when the environment cannot produce one. The token is a secret: callers mask it and never log it.
     */
    String oidcToken(String audience, Environment env, CloseableHttpClient http) throws TrustedPublishingException;

    /**
     * Why {@link #oidcToken} would fail, when the environment alone shows it (no network call), in the words a real
     * run would fail with: a dry run and the check goal predict the failure before anything is built or sent.
     */
    default Optional<String> missingIdentity(String audience, Environment env) {
        return Optional.empty();
    }

    /**
     * A fresh identity token with the audience {@value #SIGSTORE_AUDIENCE}, for the attestations' signing certificate
     * (GitHub: the same token service; GitLab: the job's {@code SIGSTORE_ID_TOKEN}; Google: the metadata server).
     * Throws with a complete diagnosis that names the attestations; the token is a secret, as in {@link #oidcToken}.
     */
    String sigstoreToken(Environment env, CloseableHttpClient http) throws TrustedPublishingException;

    /**
     * Why {@link #sigstoreToken} would fail, when the environment alone shows it (no network call) and
     * {@link #missingIdentity} does not already say so: a dry run and the check goal name it when attestations are to
     * be made.
     */
    default Optional<String> missingSigstoreIdentity(Environment env) {
        return Optional.empty();
    }

    /** The claims the index's publisher matching reads, in the order a diagnosis prints them. */
    List<String> matchedClaims();

    /**
     * The values a user would enter in the index's trusted-publisher form so that it matches this job, keyed
     * by the form's field label; {@code MISSING} where the token lacks the claim.
     */
    Map<String, String> publisherForm(OidcClaims claims);

    /** Things in the token that are likely to make publishing fail, each a complete sentence. */
    default List<String> warnings(OidcClaims claims) {
        return List.of();
    }

    /** Extra advice when no publisher matched; empty when there is none. */
    default String publisherHint() {
        return "";
    }

    /**
     * True when the provider hands out the same token for the whole job (GitLab), so that once it has been
     * exchanged no further upload token can be minted.
     */
    default boolean oneTokenPerJob() {
        return false;
    }
}
