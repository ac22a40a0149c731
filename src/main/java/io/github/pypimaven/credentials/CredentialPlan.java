package io.github.pypimaven.credentials;

import java.util.Optional;

/**
 * Where an upload's token would come from, chosen without minting or sending anything, and what would make getting it
 * fail when the environment already shows it.
 *
 * @param source the source, as a phrase: "environment variable PYPI_API_TOKEN", "Trusted Publishing (GitHub Actions
 *     identity, audience 'pypi')"
 * @param problem why a real run could not get the token (a CI job without its identity token), in the words it
 *     would fail with
 */
public record CredentialPlan(String source, Optional<String> problem) {
}
