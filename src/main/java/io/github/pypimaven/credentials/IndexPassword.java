package io.github.pypimaven.credentials;

import io.github.pypimaven.http.BasicAuth;

/**
 * A user name and password for an index other than PyPI and TestPyPI (Nexus, Artifactory, devpi, pypiserver, a
 * GitLab deploy token, CodeArtifact's {@code aws} and its authorization token), sent as HTTP Basic credentials.
 *
 * @param username the account; not a secret, messages name it
 * @param password never printed ({@link #toString()} hides it)
 * @param source where both were found, e.g. "settings.xml server 'nexus'"
 */
public record IndexPassword(String username, String password, String source) implements StaticCredentials {

    @Override
    public BasicAuth basicAuth() {
        return new BasicAuth(username, password, source);
    }

    @Override
    public String description() {
        return "the password of user '" + username + "' from " + source;
    }

    @Override
    public String toString() {
        return "IndexPassword[source=" + source + ", username=" + username + ", password=***]";
    }
}
