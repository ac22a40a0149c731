package io.github.pypimaven.trust;

import io.github.pypimaven.ci.ForeignText;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis of a refused token exchange: the index's reasons, what to do about each, the claims the index
 * matched, and the publisher-form values that would match this job. PyPI never reveals its publisher
 * configuration, so showing our side is the only way to find a mismatch.
 */
final class MintFailureReport {

    private static final String TROUBLESHOOTING = "https://docs.pypi.org/trusted-publishers/troubleshooting/";

    private MintFailureReport() {}

    static String render(String indexHost, CiIdentityProvider provider, OidcClaims claims,
            MintTokenClient.MintRefused refused) {
        StringBuilder text = new StringBuilder();
        text.append("Trusted Publishing failed: ").append(indexHost).append(" refused (").append(refused.status)
                .append(") to exchange the ").append(provider.name())
                .append(" identity token for an upload token, for these reasons:\n");
        if (refused.errors.isEmpty()) {
            text.append("  * (the index gave no reason)\n");
        }
        for (MintTokenClient.MintError error : refused.errors) {
            text.append("  * `").append(ForeignText.line(error.code(), 60, List.of()).replace("`", "'")).append("`: ")
                    .append(ForeignText.line(error.description())).append('\n');
            text.append("    What to do: ").append(remediation(error, provider, claims)).append('\n');
        }
        text.append("\nClaims of this job's identity token that the index matches against its trusted publishers")
                .append(" (for debugging only: do not copy them into a publisher unless they are what you expect;")
                .append(" MISSING means the token has no such claim):\n");
        List<String> names = provider.matchedClaims();
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String name : names) {
            text.append("  ").append(pad(name + ":", width + 1)).append(' ')
                    .append(ForeignText.line(claims.textOrMissing(name))).append('\n');
        }
        text.append("\nA trusted publisher matching this job has these values in the index's publisher form")
                .append(" (project > Manage > Publishing):\n");
        Map<String, String> form = provider.publisherForm(claims);
        int labelWidth = form.keySet().stream().mapToInt(String::length).max().orElse(0);
        form.forEach((label, value) ->
                text.append("  ").append(pad(label + ":", labelWidth + 1)).append(' ').append(ForeignText.line(value))
                        .append('\n'));
        for (String warning : provider.warnings(claims)) {
            text.append("\nWarning: ").append(ForeignText.line(warning, 1000, List.of())).append('\n');
        }
        text.append("\nSee ").append(TROUBLESHOOTING).append(" for more help.");
        return text.toString();
    }

    private static String remediation(MintTokenClient.MintError error, CiIdentityProvider provider, OidcClaims claims) {
        return switch (error.code()) {
            case "not-enabled" -> "The index's administrators have switched off Trusted Publishing for "
                    + provider.name() + "; you should not normally see this. Use an API token until it is back.";
            case "invalid-payload" -> error.description().contains("issuer")
                    ? "The index does not accept identity tokens from the issuer " + ForeignText.line(claims.textOrMissing("iss"))
                            + ". PyPI accepts GitHub.com, GitLab.com and Google Cloud; GitHub Enterprise (custom"
                            + " issuer or Server), self-managed GitLab, Buildkite and CircleCI need an API token."
                    : "The index could not read the exchange request, which must be exactly {\"token\": \"...\"}."
                            + " Retry; if it persists, report it as a bug of this plugin.";
            case "invalid-token" -> "The index rejected the identity token itself (signature, expiry, audience or"
                    + " issuer). Check this machine's clock and re-run the job; if it persists, the index does not"
                    + " trust this token's issuer.";
            case "invalid-publisher" -> "No trusted publisher on the index matches this job. Compare every value"
                    + " below with the publisher configured for the project (typos, renamed owner, repository or"
                    + " workflow file). " + provider.publisherHint();
            case "invalid-pending-publisher" -> "A pending publisher matched, but a project of that name already"
                    + " exists. Add the publisher to the existing project's Publishing settings instead.";
            case "invalid-reuse-token" -> provider.oneTokenPerJob()
                    ? "The index accepts each identity token once, and " + provider.name() + " gives a job only one;"
                            + " re-run the job to get a new token."
                    : "The index accepts each identity token once and this one was already used. Re-run the job;"
                            + " never pass the same identity token twice.";
            default -> "An error code this plugin does not know; see the troubleshooting page below.";
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
