package io.github.pypimaven.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.http.HttpAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** The GitHub Actions identity: the runner's OIDC token service, reachable only with {@code id-token: write}. */
public final class GitHubActionsIdentity implements CiIdentityProvider {

    static final String REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    static final String REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    /** Warehouse takes the workflow file name from {@code job_workflow_ref} with this pattern. */
    private static final Pattern WORKFLOW_FILE = Pattern.compile("[^/]+\\.(yml|yaml)(?=@)");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "GitHub Actions";
    }

    @Override
    public String oidcToken(String audience, Environment env, CloseableHttpClient http)
            throws TrustedPublishingException {
        return token(audience, env, http, TokenPurpose.TRUSTED_PUBLISHING);
    }

    @Override
    public String sigstoreToken(Environment env, CloseableHttpClient http) throws TrustedPublishingException {
        return token(SIGSTORE_AUDIENCE, env, http, TokenPurpose.SIGSTORE);
    }

    private static String token(String audience, Environment env, CloseableHttpClient http, TokenPurpose purpose)
            throws TrustedPublishingException {
        Optional<String> url = env.get(REQUEST_URL);
        Optional<String> requestToken = env.get(REQUEST_TOKEN);
        if (url.isEmpty() || requestToken.isEmpty()) {
            throw new TrustedPublishingException(noTokenDiagnosis(env, url.isEmpty() ? REQUEST_URL : REQUEST_TOKEN,
                    purpose));
        }
        URI endpoint;
        try {
            endpoint = withAudience(url.get(), audience);
        } catch (IllegalArgumentException e) {
            throw new TrustedPublishingException(purpose.failure() + ": " + REQUEST_URL
                    + " is not a valid URL, so GitHub's OIDC token service cannot be asked for a token."
                    + " Do not set this variable yourself; the runner sets it.");
        }
        HttpAnswer reply;
        try {
            reply = PlainHttp.get(http, endpoint,
                    Map.of("Authorization", "bearer " + requestToken.get(), "Accept", "application/json"));
        } catch (IOException e) {
            throw new TrustedPublishingException(purpose.failure() + ": could not reach GitHub's OIDC token"
                    + " service at " + endpoint.getHost() + " (" + e.getMessage() + "). This is usually"
                    + " temporary; re-run the job.", e);
        }
        if (!reply.ok()) {
            throw new TrustedPublishingException(purpose.failure() + ": GitHub's OIDC token service answered "
                    + reply.status() + " (" + PlainHttp.excerpt(reply.body()) + "). Check that the publishing job"
                    + " has 'permissions: id-token: write'; if it has, re-run the job.");
        }
        try {
            JsonNode value = JSON.readTree(reply.body()).get("value");
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        } catch (IOException e) {
            // Falls through: the parser's message could quote the token.
        }
        throw new TrustedPublishingException(purpose.failure() + ": GitHub's OIDC token service answered"
                + " without a token (no JSON field 'value'). Re-run the job; if it persists, check"
                + " https://www.githubstatus.com/.");
    }

    /** The runner sets both variables only for a job with {@code id-token: write}. */
    @Override
    public Optional<String> missingIdentity(String audience, Environment env) {
        if (env.get(REQUEST_URL).isEmpty()) {
            return Optional.of(noTokenDiagnosis(env, REQUEST_URL, TokenPurpose.TRUSTED_PUBLISHING));
        }
        if (env.get(REQUEST_TOKEN).isEmpty()) {
            return Optional.of(noTokenDiagnosis(env, REQUEST_TOKEN, TokenPurpose.TRUSTED_PUBLISHING));
        }
        return Optional.empty();
    }

    /** Adds {@code audience} to the request URL's own query (it already carries {@code api-version}). */
    static URI withAudience(String requestUrl, String audience) {
        URI base = URI.create(requestUrl);
        String param = "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
        String fragmentless = base.getRawFragment() == null
                ? requestUrl
                : requestUrl.substring(0, requestUrl.indexOf('#'));
        String separator = base.getRawQuery() == null ? "?" : fragmentless.endsWith("&") || fragmentless.endsWith("?") ? "" : "&";
        return URI.create(fragmentless + separator + param);
    }

    private static String noTokenDiagnosis(Environment env, String missing, TokenPurpose purpose) {
        Optional<String> fork = forkPullRequest(env);
        if (fork.isPresent()) {
            return purpose.failure() + ": GitHub Actions gave this job no OIDC identity token (" + missing
                    + " is not set), because the workflow runs for a pull request from a fork (" + fork.get() + ").\n"
                    + "GitHub never gives pull-request runs from forks an identity token, even with"
                    + " 'permissions: id-token: write'.\n"
                    + "Publish from a workflow that forks cannot trigger instead: a pushed tag, a published release,"
                    + " or a manual workflow_dispatch.";
        }
        return purpose.failure() + ": GitHub Actions gave this job no OIDC identity token (" + missing
                + " is not set).\n"
                + "GitHub offers one only to jobs with the 'id-token: write' permission. Grant it at the JOB level of"
                + " the publishing job (a job's own 'permissions:' replaces the workflow's), for example:\n"
                + "\n"
                + "  jobs:\n"
                + "    publish:\n"
                + "      runs-on: ubuntu-latest\n"
                + "      permissions:\n"
                + "        id-token: write\n"
                + "        contents: read\n"
                + "\n"
                + "Give it to the publishing job only. See https://docs.pypi.org/trusted-publishers/using-a-publisher/";
    }

    /** "owner/fork into owner/repo" when this run is for a pull request from a fork, read from the event payload. */
    static Optional<String> forkPullRequest(Environment env) {
        if (!env.get("GITHUB_EVENT_NAME").map("pull_request"::equals).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> path = env.get("GITHUB_EVENT_PATH");
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode pr = JSON.readTree(Files.readString(Path.of(path.get()))).path("pull_request");
            JsonNode head = pr.path("head").path("repo");
            JsonNode base = pr.path("base").path("repo");
            String headName = head.path("full_name").asText("");
            String baseName = base.path("full_name").asText("");
            boolean differs = !headName.isEmpty() && !baseName.isEmpty() && !headName.equalsIgnoreCase(baseName);
            if (head.path("fork").asBoolean(false) || differs) {
                return Optional.of((headName.isEmpty() ? "a fork" : headName) + " into "
                        + (baseName.isEmpty() ? "this repository" : baseName));
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable payload only means we cannot tell; the generic advice still applies.
        }
        return Optional.empty();
    }

    @Override
    public List<String> matchedClaims() {
        return List.of("sub", "repository", "repository_owner", "repository_owner_id", "workflow_ref",
                "job_workflow_ref", "ref", "environment", "event_name");
    }

    @Override
    public Map<String, String> publisherForm(OidcClaims claims) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Owner", claims.textOrMissing("repository_owner"));
        form.put("Repository name", claims.text("repository")
                .map(r -> r.substring(r.indexOf('/') + 1))
                .orElse(OidcClaims.MISSING));
        form.put("Workflow name", claims.text("job_workflow_ref")
                .flatMap(GitHubActionsIdentity::workflowFile)
                .orElse(OidcClaims.MISSING));
        form.put("Environment name", claims.text("environment").orElse("(leave empty: this job has no environment)"));
        return form;
    }

    static Optional<String> workflowFile(String workflowRef) {
        Matcher m = WORKFLOW_FILE.matcher(workflowRef);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    @Override
    public List<String> warnings(OidcClaims claims) {
        List<String> warnings = new ArrayList<>();
        Optional<String> caller = claims.text("workflow_ref");
        Optional<String> called = claims.text("job_workflow_ref");
        if (caller.isPresent() && called.isPresent() && !caller.get().equals(called.get())) {
            warnings.add("This job runs in a reusable workflow: it was called by " + caller.get()
                    + " (workflow_ref), but runs " + called.get() + " (job_workflow_ref). PyPI matches the"
                    + " publisher's workflow name against job_workflow_ref, the CALLED workflow ("
                    + workflowFile(called.get()).orElse("?") + "), and only within the publisher's own"
                    + " repository; reusable workflows are not officially supported by PyPI and a called workflow"
                    + " from another repository cannot match (https://github.com/pypi/warehouse/issues/11096).");
        }
        if (claims.text("event_name").map("pull_request_target"::equals).orElse(false)) {
            warnings.add("This workflow was triggered by 'pull_request_target', which PyPI rejects for Trusted"
                    + " Publishing. Publish from a push of a tag, a release, or workflow_dispatch.");
        }
        return warnings;
    }

    @Override
    public String publisherHint() {
        return "If the publisher names an environment, the job must run in exactly that environment"
                + " ('environment:' of the job); a publisher without an environment accepts any. After renaming"
                + " the repository, its owner or the workflow file, update the publisher.";
    }
}
