package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.upload.DigestPlacement;
import io.github.pypimaven.upload.RetryPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One release to publish: the files of one project, and how.
 *
 * @param files the distribution files, in any order
 * @param target where they go
 * @param credentials what the user configured about credentials (unused for a local index)
 * @param md5Digest whether to send {@code md5_digest} as well as sha256
 * @param retry how failed uploads are retried
 * @param http timeouts, User-Agent and proxy
 * @param dryRun check everything and say what would happen, but send and write nothing
 * @param checkUrl the index's simple API, to compare the release with what the index has before uploading
 * @param offline Maven runs offline ({@code -o}): nothing may be sent, so a dry run does not ask the index either
 * @param attestations whether to make PEP 740 attestations, and with which Sigstore instance
 * @param parallelUploads how many files of a release may be uploaded at the same time (1 to {@value #MAX_PARALLEL})
 * @param transferProgress whether long uploads log their progress (Maven's {@code -ntp} turns it off)
 * @param digestPlacement whether the digest fields go before or after the file part
 */
public record PublishRequest(List<Path> files, PublishTarget target, CredentialRequest credentials, boolean md5Digest,
        RetryPolicy retry, HttpSettings http, boolean dryRun, Optional<SecureUrl> checkUrl, boolean offline,
        AttestationSettings attestations, int parallelUploads, boolean transferProgress, DigestPlacement digestPlacement) {

    public static final int DEFAULT_PARALLEL = 4;
    public static final int MAX_PARALLEL = 16;
    public static final String PARALLEL_SETTING = "parallelUploads (pypi.parallelUploads)";

    public PublishRequest {
        if (parallelUploads < 1 || parallelUploads > MAX_PARALLEL) {
            throw new IllegalArgumentException(PARALLEL_SETTING + " is " + parallelUploads + ": use a number from 1"
                    + " (one file at a time) to " + MAX_PARALLEL + "; the default is " + DEFAULT_PARALLEL);
        }
        files = List.copyOf(files);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(attestations, "attestations");
        Objects.requireNonNull(digestPlacement, "digestPlacement");
    }

    public static Builder builder(List<Path> files, PublishTarget target, CredentialRequest credentials) {
        return new Builder(files, target, credentials);
    }

    public Builder toBuilder() {
        return new Builder(files, target, credentials).md5Digest(md5Digest).retry(retry).http(http).dryRun(dryRun)
                .checkUrl(checkUrl).offline(offline).attestations(attestations).parallelUploads(parallelUploads)
                .transferProgress(transferProgress).digestPlacement(digestPlacement);
    }

    /** Builds a request; everything but the files, the target and the credentials has a default. */
    public static final class Builder {
        private List<Path> files;
        private PublishTarget target;
        private CredentialRequest credentials;
        private boolean md5Digest;
        private RetryPolicy retry = RetryPolicy.defaults();
        private HttpSettings http = HttpSettings.defaults();
        private boolean dryRun;
        private Optional<SecureUrl> checkUrl = Optional.empty();
        private boolean offline;
        private AttestationSettings attestations = AttestationSettings.defaults();
        private int parallelUploads = DEFAULT_PARALLEL;
        private boolean transferProgress = true;
        private DigestPlacement digestPlacement = DigestPlacement.AUTO;

        private Builder(List<Path> files, PublishTarget target, CredentialRequest credentials) {
            this.files = files;
            this.target = target;
            this.credentials = credentials;
        }

        public Builder files(List<Path> value) {
            files = value;
            return this;
        }

        public Builder target(PublishTarget value) {
            target = value;
            return this;
        }

        public Builder credentials(CredentialRequest value) {
            credentials = value;
            return this;
        }

        public Builder md5Digest(boolean value) {
            md5Digest = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            retry = value;
            return this;
        }

        public Builder http(HttpSettings value) {
            http = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder checkUrl(Optional<SecureUrl> value) {
            checkUrl = value;
            return this;
        }

        public Builder offline(boolean value) {
            offline = value;
            return this;
        }

        public Builder attestations(AttestationSettings value) {
            attestations = value;
            return this;
        }

        public Builder parallelUploads(int value) {
            parallelUploads = value;
            return this;
        }

        public Builder transferProgress(boolean value) {
            transferProgress = value;
            return this;
        }

        public Builder digestPlacement(DigestPlacement value) {
            digestPlacement = value;
            return this;
        }

        public PublishRequest build() {
            return new PublishRequest(files, target, credentials, md5Digest, retry, http, dryRun, checkUrl, offline,
                    attestations, parallelUploads, transferProgress, digestPlacement);
        }
    }
}
