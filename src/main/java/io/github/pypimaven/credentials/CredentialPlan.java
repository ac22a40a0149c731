package io.github.pypimaven.credentials;

import java.util.Optional;

/**
 * Which credentials an upload will use, decided without minting or sending anything: for a dry run and the check
 * goal, and for what depends on it before a token exists (whether attestations can be made: PyPI accepts them only
 * with Trusted Publishing).
 *
 * @param source where the token will come from, for the log, e.g. "Trusted Publishing (GitHub Actions identity,
 *     audience 'pypi')" or "settings.xml server 'pypi'"
 * @param trustedPublishing whether the token will be minted by Trusted Publishing
 * @param problem why a real run could not get the token, when the environment already shows it (a CI job without its
 *     identity token), in the words it would fail with
 */
public record CredentialPlan(String source, boolean trustedPublishing, Optional<String> problem) {}
