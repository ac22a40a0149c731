package io.github.pypimaven.upload;

import io.github.pypimaven.http.BasicAuth;

/**
 * What the indexes other than PyPI say, and what it means: each server has its own words for a file it already has
 * (there is no standard signal), and a refusal of the credentials has its own causes there.
 */
final class PrivateIndexAnswers {

    private PrivateIndexAnswers() {}

    /**
     * Whether the answer says the index already has a file of that name and will not replace it: pypiserver, devpi and
     * CodeArtifact answer 409; Nexus 400 "does not allow updating assets" (before 3.70) or "cannot be updated";
     * Artifactory 403 "Not enough permissions to delete/overwrite"; GitLab 400 "has already been taken".
     *
     * @param message the server's message, lower-case
     */
    static boolean alreadyThere(int status, String message) {
        return status == 409
                || status == 400 && (message.contains("already exists") || message.contains("updating asset")
                        || message.contains("cannot be updated") || message.contains("already been taken"))
                || status == 403 && message.contains("overwrite");
    }

    /** Added to the API-token message when an index other than PyPI and TestPyPI refuses a token. */
    static final String TOKEN_ON_PRIVATE_INDEX = "The credentials were sent as an API token (user __token__): an index"
            + " other than PyPI usually wants its own user name with the password or token; set <username> in the"
            + " settings.xml server, or usernameEnvName and passwordEnvName (pypi.usernameEnvName,"
            + " pypi.passwordEnvName).";

    /** What to check when an index refuses a user name and password (or the GitLab job token). */
    static String credentialsHint(int status, BasicAuth auth) {
        if (auth.username().equals("gitlab-ci-token")) {
            return "A job token may upload to the package registry of its own project only; for another project's,"
                    + " configure a deploy token or access token (a settings.xml server, or usernameEnvName and"
                    + " passwordEnvName).";
        }
        return (status == 401 ? "It did not accept them as a login. " : "The account may lack the permission to upload"
                + " to this repository, or the login is wrong. ") + "Check the user name and password in "
                + auth.source() + ".";
    }
}
