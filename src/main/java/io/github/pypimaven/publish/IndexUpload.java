package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.CredentialsException;
import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a checked release to an index over HTTP: credentials are chosen (configuration errors before anything is
 * sent), the release is compared with the index, and the files it lacks are uploaded in order, stopping at the first
 * refusal with a message that says exactly what the index has now.
 */
@Named
@Singleton
public class IndexUpload {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpload.class);

    private final CredentialResolver credentialResolver;
    private final UploadClient uploadClient;
    private final HttpClientFactory httpClients;
    private final IndexComparison comparison;

    @Inject
    public IndexUpload(CredentialResolver credentialResolver, UploadClient uploadClient, HttpClientFactory httpClients,
            IndexComparison comparison) {
        this.credentialResolver = credentialResolver;
        this.uploadClient = uploadClient;
        this.httpClients = httpClients;
        this.comparison = comparison;
    }

    PublishedRelease publish(List<Distribution> release, PublishRequest request, RemoteIndex index, CiReport ci)
            throws PublishException {
        describeCredentials(request, index, "Nothing was uploaded.");
        try (CloseableHttpClient http = httpClients.create(request.http())) {
            Set<String> present = comparison.identicalOnIndex(release, request.checkUrl(), http);
            List<PublishedFile> published = new ArrayList<>();
            for (Distribution d : release) {
                if (present.contains(d.filename())) {
                    LOG.info("{} is already on the index, identical: not uploaded again", d.filename());
                    published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), true));
                }
            }
            if (present.size() < release.size()) { // otherwise nothing to send, so no token is needed either
                UploadCredentials credentials = resolveCredentials(request, index, http, ci);
                Distribution first = release.get(0);
                LOG.info("Publishing {} {} ({} file{}) to {} with the token from {}", first.name(), first.version(),
                        release.size(), release.size() == 1 ? "" : "s", index, credentials.source());
                for (Distribution d : release) {
                    if (!present.contains(d.filename())) {
                        upload(request, index, http, credentials, d, published, release);
                        published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), false));
                    }
                }
            }
            Distribution first = release.get(0);
            return new PublishedRelease(published, index.known()
                    .map(k -> "Release page: " + k.releasePage(first.name().normalized(), first.version().toString())));
        } catch (IOException e) {
            throw new PublishException(PublishException.Stage.UPLOAD, "Could not close the HTTP connections to " + index
                    + ": " + e.getMessage(), e);
        }
    }

    /** Where the token will come from; fails, offline, on a configuration problem. */
    private String describeCredentials(PublishRequest request, RemoteIndex index, String outcome) throws PublishException {
        try {
            return credentialResolver.describe(request.credentials(), index);
        } catch (CredentialsException e) {
            throw new PublishException(PublishException.Stage.CREDENTIALS, e.getMessage() + "\n" + outcome, e);
        }
    }

    private UploadCredentials resolveCredentials(PublishRequest request, RemoteIndex index, CloseableHttpClient http,
            CiReport ci) throws PublishException {
        try {
            UploadCredentials credentials = credentialResolver.resolve(request.credentials(), index, http, ci.github());
            credentials.warnings().forEach(w -> ci.warning("Trusted Publishing: potential workflow misconfiguration", w));
            return credentials;
        } catch (CredentialsException e) {
            throw new PublishException(stage(e), e.getMessage() + "\nNothing was uploaded.", e);
        }
    }

    private void upload(PublishRequest request, RemoteIndex index, CloseableHttpClient http,
            UploadCredentials credentials, Distribution distribution, List<PublishedFile> published,
            List<Distribution> release) throws PublishException {
        UploadProgress progress = new UploadProgress(distribution.filename(), distribution.size());
        try {
            String token = credentials.token();
            progress.start();
            uploadClient.upload(http, index, token, UploadForm.of(distribution, request.md5Digest()), distribution.path(),
                    request.retry(), progress::sent);
            LOG.info("Uploaded {}", distribution.filename());
        } catch (UploadException e) {
            throw new PublishException(PublishException.Stage.UPLOAD,
                    e.getMessage() + "\n" + PublishedRelease.stateAfterFailure(published, release, distribution), e);
        } catch (CredentialsException e) {
            throw new PublishException(stage(e), e.getMessage() + "\n" + PublishedRelease.stateAfterFailure(published, release, distribution), e);
        }
    }

    private static PublishException.Stage stage(CredentialsException e) {
        return e.getCause() instanceof TrustedPublishingException
                ? PublishException.Stage.TRUSTED_PUBLISHING
                : PublishException.Stage.CREDENTIALS;
    }
}
