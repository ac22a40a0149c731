package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.upload.RepositoryUrl;
import io.github.pypimaven.upload.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * @param checkUrl the index's simple API, to compare the release with what the index has before uploading
 */
public record PublishRequest(List<Path> files, RepositoryUrl repository, CredentialRequest credentials, boolean md5Digest,
        RetryPolicy retry, HttpSettings http, boolean dryRun, Optional<URI> checkUrl) {

    public PublishRequest {
        files = List.copyOf(files);
    }

    /** A real run (not a dry run), without comparing with the index first. */
    public PublishRequest(List<Path> files, RepositoryUrl repository, CredentialRequest credentials, boolean md5Digest,
            RetryPolicy retry, HttpSettings http) {
        this(files, repository, credentials, md5Digest, retry, http, false, Optional.empty());
    }

    public PublishRequest withCheckUrl(URI url) {
        return new PublishRequest(files, repository, credentials, md5Digest, retry, http, dryRun, Optional.of(url));
    }

    public PublishRequest asDryRun() {
        return new PublishRequest(files, repository, credentials, md5Digest, retry, http, true, checkUrl);
    }
}
