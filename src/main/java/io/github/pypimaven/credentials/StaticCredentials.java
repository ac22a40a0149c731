package io.github.pypimaven.credentials;

import io.github.pypimaven.http.BasicAuth;

/**
 * Credentials that are known before anything is sent and never change during a run: an API token, a private index's
 * user and password, the GitLab CI/CD job token. Unlike a Trusted Publishing token they may also be used to read the
 * index's simple API ({@code checkUrl}) on the upload URL's own host.
 */
public sealed interface StaticCredentials extends UploadCredentials permits ApiToken, IndexPassword, GitLabJobToken {

    /** The same for every request. */
    @Override
    BasicAuth basicAuth();

    @Override
    default String source() {
        return basicAuth().source();
    }
}
