package io.github.pypimaven.credentials;

/**
 * Which credentials an upload will use, decided without sending anything: for a dry run, and for what depends on it
 * before a token exists (whether attestations can be made: PyPI accepts them only with Trusted Publishing).
 *
 * @param source where the credentials will come from, for the log, e.g. "Trusted Publishing (GitHub Actions identity,
 *     audience 'pypi')" or "settings.xml server 'pypi'"
 * @param description what the upload will authenticate with, as a phrase: "the token from settings.xml server 'pypi'",
 *     "the password of user 'alice' from settings.xml server 'nexus'"
 * @param trustedPublishing whether the token will be minted by Trusted Publishing
 */
public record CredentialPlan(String source, String description, boolean trustedPublishing) {}
