package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.upload.RepositoryUrl;
import io.github.pypimaven.upload.RetryPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the publish goal.
 *
 * @param files the distribution files, in any order
 * @param repository where they go
 * @param credentials what the user configured about credentials (unused for a local index)
 * @param md5Digest whether to send {@code md5_digest} as well as sha256
 * @param retry how failed uploads are retried
 * @param http timeouts and User-Agent
 * @param dryRun check everything and say what would happen, but send and write nothing
 */
public record PublishRequest(List<Path> files, RepositoryUrl repository, CredentialRequest credentials, boolean md5Digest,
        RetryPolicy retry, HttpSettings http, boolean dryRun) {

    public PublishRequest {
        files = List.copyOf(files);
    }

    /** A real run (not a dry run). */
    public PublishRequest(List<Path> files, RepositoryUrl repository, CredentialRequest credentials, boolean md5Digest,
            RetryPolicy retry, HttpSettings http) {
        this(files, repository, credentials, md5Digest, retry, http, false);
    }
}
