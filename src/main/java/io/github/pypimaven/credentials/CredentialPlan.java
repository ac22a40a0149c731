package io.github.pypimaven.credentials;

import java.util.Optional;

/**
 * Which credentials an upload will use, decided without minting or sending anything: for a dry run and the check
 * goal, and for what depends on it before a token exists (whether attestations can be made: PyPI accepts them only
 * with Trusted Publishing).
 *
 * @param source where the credentials will come from, for the log, e.g. "Trusted Publishing (GitHub Actions identity,
 *     audience 'pypi')" or "settings.xml server 'pypi'"
 * @param description what the upload will authenticate with, as a phrase: "the token from settings.xml server 'pypi'",
 *     "the password of user 'alice' from settings.xml server 'nexus'"
 * @param trustedPublishing whether the token will be minted by Trusted Publishing
 * @param problem why a real run could not get the token, when the environment already shows it (a CI job without its
 *     identity token), in the words it would fail with
 */
public record CredentialPlan(String source, String description, boolean trustedPublishing, Optional<String> problem) {}
