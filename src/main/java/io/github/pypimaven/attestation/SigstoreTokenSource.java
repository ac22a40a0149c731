package io.github.pypimaven.attestation;

/**
 * Where a run gets its Fulcio identity tokens (audience {@code sigstore}): GitHub's token service, GitLab's
 * {@code SIGSTORE_ID_TOKEN}, Google's metadata server. Asked once per certificate, right before the Fulcio request,
 * because CI tokens live only minutes. Failures name the step and what to do (e.g. a missing
 * {@code id-token: write}).
 */
@FunctionalInterface
public interface SigstoreTokenSource {

    SigstoreIdentityToken fetch() throws AttestationException;
}
