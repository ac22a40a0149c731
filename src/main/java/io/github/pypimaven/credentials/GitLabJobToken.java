package io.github.pypimaven.credentials;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.Optional;

/**
 * The job token GitLab CI/CD gives every job ({@code CI_JOB_TOKEN}), as GitLab's package registry takes it: Basic
 * {@code gitlab-ci-token:<token>}. Used, when no credentials are configured, for one URL only: the registry of the
 * project the job runs for, {@code $CI_API_V4_URL/projects/$CI_PROJECT_ID/packages/pypi}. The token is good for the
 * whole GitLab API in the job's name, so it never goes anywhere else.
 *
 * @param value the token; never printed ({@link #toString()} hides it)
 */
public record GitLabJobToken(String value) implements StaticCredentials {

    static final String SOURCE = "the GitLab CI/CD job token (CI_JOB_TOKEN)";

    /** The job token, when this is a GitLab CI/CD job and {@code index} is its project's own package registry. */
    static Optional<GitLabJobToken> forIndex(RemoteIndex index, Environment environment) {
        Optional<String> token = environment.get("CI_JOB_TOKEN");
        if (token.isEmpty() || !ownRegistry(environment).map(own -> same(own, index.uploadUrl())).orElse(false)) {
            return Optional.empty();
        }
        return token.map(GitLabJobToken::new);
    }

    /** This job's project registry, {@code $CI_API_V4_URL/projects/$CI_PROJECT_ID/packages/pypi}, on GitLab CI/CD. */
    static Optional<String> ownRegistry(Environment environment) {
        if (!environment.get("GITLAB_CI").map("true"::equalsIgnoreCase).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> api = environment.get("CI_API_V4_URL").map(url -> url.replaceAll("/+$", ""));
        Optional<String> project = environment.get("CI_PROJECT_ID").filter(id -> id.matches("[0-9]+"));
        if (api.isEmpty() || project.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(api.get() + "/projects/" + project.get() + "/packages/pypi");
    }

    /** The same origin (scheme, host, port) and path, but for trailing slashes. */
    private static boolean same(String registry, SecureUrl upload) {
        SecureUrl own;
        try {
            own = SecureUrl.parse(registry, "CI_API_V4_URL", "https://gitlab.com/api/v4");
        } catch (IllegalArgumentException e) {
            return false; // not a URL a secret may go to: it is not the upload URL either
        }
        return own.sameOrigin(upload) && path(own).equals(path(upload));
    }

    private static String path(SecureUrl url) {
        return url.uri().getRawPath() == null ? "" : url.uri().getRawPath().replaceAll("/+$", "");
    }

    @Override
    public BasicAuth basicAuth() {
        return new BasicAuth("gitlab-ci-token", value, SOURCE);
    }

    @Override
    public String description() {
        return SOURCE;
    }

    @Override
    public String toString() {
        return "GitLabJobToken[value=***]";
    }
}
