package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.CredentialsException;
import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.dist.Distribution;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.upload.RepositoryUrl;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one release: every file is read and checked before the first byte is sent, wheels go before the
 * sdist, and the run stops at the first refused file, saying what was and was not uploaded.
 */
@Named
@Singleton
public class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ReleaseChecker checker;
    private final CredentialResolver credentialResolver;
    private final UploadClient uploadClient;
    private final HttpClientFactory httpClients;

    @Inject
    public Publisher(ReleaseChecker checker, CredentialResolver credentialResolver, UploadClient uploadClient,
            HttpClientFactory httpClients) {
        this.checker = checker;
        this.credentialResolver = credentialResolver;
        this.uploadClient = uploadClient;
        this.httpClients = httpClients;
    }

    public List<PublishedFile> publish(PublishRequest request) throws PublishException {
        List<Distribution> release = checker.check(request.files());
        RepositoryUrl repository = request.repository();
        try (CloseableHttpClient http = httpClients.create(request.http())) {
            UploadCredentials credentials = resolveCredentials(request, http);
            Distribution first = release.get(0);
            LOG.info("Publishing {} {} ({} file{}) to {} with the token from {}", first.name(), first.version(),
                    release.size(), release.size() == 1 ? "" : "s", repository, credentials.source());
            List<PublishedFile> published = new ArrayList<>();
            for (Distribution distribution : release) {
                upload(request, http, credentials, distribution, published, release);
                published.add(new PublishedFile(distribution.filename(), distribution.size(), distribution.sha256(), false));
            }
            return published;
        } catch (IOException e) {
            throw new PublishException("Could not close the HTTP client: " + e.getMessage());
        }
    }

    private UploadCredentials resolveCredentials(PublishRequest request, CloseableHttpClient http) throws PublishException {
        try {
            return credentialResolver.resolve(request.credentials(), request.repository(), http);
        } catch (CredentialsException e) {
            throw new PublishException(e.getMessage() + "\nNothing was uploaded.");
        }
    }

    private void upload(PublishRequest request, CloseableHttpClient http, UploadCredentials credentials,
            Distribution distribution, List<PublishedFile> published, List<Distribution> release) throws PublishException {
        UploadProgress progress = new UploadProgress(distribution.filename(), distribution.size());
        try {
            progress.start();
            uploadClient.upload(http, request.repository(), credentials.token(), UploadForm.of(distribution, request.md5Digest()),
                    distribution.path(), request.retry(), progress::sent);
            LOG.info("Uploaded {} ({}, sha256 {})", distribution.filename(), Sizes.human(distribution.size()), distribution.sha256());
        } catch (UploadException | CredentialsException e) {
            throw new PublishException(e.getMessage() + "\n" + state(published, release, distribution));
        }
    }

    /** What is on the index now and what is not, so that a failed run never leaves the user guessing. */
    private static String state(List<PublishedFile> published, List<Distribution> release, Distribution failed) {
        List<String> missing = release.subList(release.indexOf(failed), release.size()).stream()
                .map(Distribution::filename).toList();
        String done = published.isEmpty() ? "Nothing was uploaded."
                : "Already uploaded: " + published.stream().map(PublishedFile::filename).collect(Collectors.joining(", ")) + ".";
        return done + " Not uploaded: " + String.join(", ", missing) + ". Fix the cause and run again: an index accepts"
                + " a file it already has, unchanged, again.";
    }
}
