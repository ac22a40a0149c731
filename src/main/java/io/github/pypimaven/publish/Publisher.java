package io.github.pypimaven.publish;

import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.CredentialsException;
import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionKind;
import io.github.pypimaven.distribution.MetadataField;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.index.IndexedFile;
import io.github.pypimaven.index.LocalIndex;
import io.github.pypimaven.index.LocalIndexEntry;
import io.github.pypimaven.index.LocalIndexException;
import io.github.pypimaven.index.IndexQueryException;
import io.github.pypimaven.index.SimpleIndexClient;
import io.github.pypimaven.upload.RepositoryUrl;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one release: every file is read and checked before the first byte is sent, wheels go before the
 * sdist, and the run stops at the first refused file, saying what was and was not uploaded. On GitHub Actions
 * the outcome is also written to the step summary, and a failure becomes an error annotation.
 */
@Named
@Singleton
public class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ReleaseChecker checker;
    private final CredentialResolver credentialResolver;
    private final UploadClient uploadClient;
    private final HttpClientFactory httpClients;
    private final LocalIndex localIndex;
    private final SimpleIndexClient simpleIndex;

    @Inject
    public Publisher(ReleaseChecker checker, CredentialResolver credentialResolver, UploadClient uploadClient,
            HttpClientFactory httpClients, LocalIndex localIndex, SimpleIndexClient simpleIndex) {
        this.simpleIndex = simpleIndex;
        this.checker = checker;
        this.credentialResolver = credentialResolver;
        this.uploadClient = uploadClient;
        this.httpClients = httpClients;
        this.localIndex = localIndex;
    }

    /** Publishes, writing GitHub workflow commands (which must start their line) to standard output. */
    public List<PublishedFile> publish(PublishRequest request) throws PublishException {
        return publish(request, GitHubActions.standardOutput());
    }

    /**
     * Publishes several releases (the modules of a reactor): all are read and checked before the first upload, so
     * a bad file in any of them means nothing is published.
     */
    public List<PublishedFile> publishAll(List<PublishRequest> requests) throws PublishException {
        List<List<Distribution>> releases = new ArrayList<>();
        for (PublishRequest request : requests) {
            releases.add(check(request, GitHubActions.standardOutput()));
        }
        List<PublishedFile> published = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            published.addAll(publish(requests.get(i), releases.get(i), GitHubActions.standardOutput()));
        }
        return published;
    }

    public List<PublishedFile> publish(PublishRequest request, PrintStream ciOutput) throws PublishException {
        return publish(request, check(request, ciOutput), ciOutput);
    }

    private List<Distribution> check(PublishRequest request, PrintStream ciOutput) throws PublishException {
        try {
            return checker.check(request.files());
        } catch (PublishException e) {
            report(new GitHubActions(request.credentials().environment(), ciOutput), request, e);
            throw e;
        }
    }

    private List<PublishedFile> publish(PublishRequest request, List<Distribution> release, PrintStream ciOutput)
            throws PublishException {
        GitHubActions github = new GitHubActions(request.credentials().environment(), ciOutput);
        try {
            if (request.dryRun()) {
                dryRun(release, request);
                return List.of();
            }
            List<PublishedFile> published = request.repository().isLocal()
                    ? publishLocally(release, request.repository())
                    : upload(release, request, github);
            ReleaseSummary summary = new ReleaseSummary(release.get(0).name(), release.get(0).version(), request.repository(), published);
            summary.lines().forEach(LOG::info);
            if (request.repository().isLocal()) {
                LOG.info("Install it with: {}", localIndex.pipInstallCommand(request.repository().localDirectory(),
                        release.get(0).name()));
            }
            github.appendStepSummary(summary.markdown());
            return published;
        } catch (PublishException e) {
            report(github, request, e);
            throw e;
        }
    }

    private static void report(GitHubActions github, PublishRequest request, PublishException e) {
        if (!e.reportedToCi()) {
            github.error("Publishing to " + request.repository().host() + " failed", e.getMessage());
            github.appendStepSummary("## Publishing to " + request.repository().host() + " failed\n\n```\n"
                    + e.getMessage() + "\n```\n");
        }
    }

    /** Everything but the sending: the files are checked, the credentials chosen (no token is minted). */
    private void dryRun(List<Distribution> release, PublishRequest request) throws PublishException {
        String source = "no token (a local index)";
        if (!request.repository().isLocal()) {
            try {
                source = "the token from " + credentialResolver.describe(request.credentials(), request.repository());
            } catch (CredentialsException e) {
                throw new PublishException(e.getMessage() + "\n(dry run: nothing was sent)", false);
            }
        }
        Set<String> present = Set.of();
        if (!request.repository().isLocal()) {
            try (CloseableHttpClient http = httpClients.create(request.http())) {
                present = alreadyOnIndex(release, request, http);
            } catch (IOException e) {
                throw new PublishException("Could not close the HTTP client: " + e.getMessage(), false);
            }
        }
        Distribution first = release.get(0);
        LOG.info("Dry run: would publish {} {} to {} with {}:", first.name(), first.version(), request.repository(), source);
        for (Distribution d : release) {
            LOG.info("  {}  {}  sha256:{}{}", d.filename(), Sizes.human(d.size()), d.sha256(),
                    present.contains(d.filename()) ? "  (already there, identical: would not be uploaded)" : "");
        }
        LOG.info("Dry run: every file passed the checks; nothing was sent (pypi.dryRun)");
    }

    private List<PublishedFile> publishLocally(List<Distribution> release, RepositoryUrl repository) throws PublishException {
        List<PublishedFile> published = new ArrayList<>();
        for (Distribution d : release) {
            LocalIndexEntry entry = new LocalIndexEntry(d.path(), d.filename(), d.name(), d.version(), d.sha256(),
                    d.kind() == DistributionKind.WHEEL ? d.metadata().bytes() : null,
                    d.metadata().get(MetadataField.REQUIRES_PYTHON).orElse(null));
            try {
                IndexedFile indexed = localIndex.publish(repository.localDirectory(), entry);
                published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), indexed.alreadyPresent()));
            } catch (LocalIndexException e) {
                throw new PublishException(e.getMessage() + "\n" + state(published, release, d), false);
            }
        }
        return published;
    }

    private List<PublishedFile> upload(List<Distribution> release, PublishRequest request, GitHubActions github)
            throws PublishException {
        RepositoryUrl repository = request.repository();
        try (CloseableHttpClient http = httpClients.create(request.http())) {
            try {
                credentialResolver.describe(request.credentials(), repository); // configuration errors first, offline
            } catch (CredentialsException e) {
                throw new PublishException(e.getMessage() + "\nNothing was uploaded.", false);
            }
            Set<String> present = alreadyOnIndex(release, request, http);
            List<PublishedFile> published = new ArrayList<>();
            for (Distribution d : release) {
                if (present.contains(d.filename())) {
                    LOG.info("{} is already on the index, identical: not uploaded again", d.filename());
                    published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), true));
                }
            }
            if (present.size() == release.size()) {
                return published; // nothing to send, so no token is needed either
            }
            UploadCredentials credentials;
            try {
                credentials = credentialResolver.resolve(request.credentials(), repository, http, github);
            } catch (CredentialsException e) {
                throw new PublishException(e.getMessage() + "\nNothing was uploaded.", e.reportedToCi());
            }
            Distribution first = release.get(0);
            LOG.info("Publishing {} {} ({} file{}) to {} with the token from {}", first.name(), first.version(),
                    release.size(), release.size() == 1 ? "" : "s", repository, credentials.source());
            for (Distribution distribution : release) {
                if (present.contains(distribution.filename())) {
                    continue;
                }
                uploadOne(request, http, credentials, distribution, published, release);
                published.add(new PublishedFile(distribution.filename(), distribution.size(), distribution.sha256(), false));
            }
            return published;
        } catch (IOException e) {
            throw new PublishException("Could not close the HTTP client: " + e.getMessage(), false);
        }
    }

    /** The files the index already has, identical; fails on a file it has with other bytes. No check: none. */
    private Set<String> alreadyOnIndex(List<Distribution> release, PublishRequest request, CloseableHttpClient http)
            throws PublishException {
        if (request.checkUrl().isEmpty()) {
            return Set.of();
        }
        URI simple = request.checkUrl().get();
        try {
            Map<String, String> remote = simpleIndex.files(http, simple, release.get(0).name());
            return IndexComparison.identicalFiles(release, remote, simple.getHost());
        } catch (IndexQueryException e) {
            LOG.warn("{}; publishing without comparing with the index first (checkUrl, pypi.checkUrl)", e.getMessage());
            return Set.of();
        }
    }

    private void uploadOne(PublishRequest request, CloseableHttpClient http, UploadCredentials credentials,
            Distribution distribution, List<PublishedFile> published, List<Distribution> release) throws PublishException {
        UploadProgress progress = new UploadProgress(distribution.filename(), distribution.size());
        try {
            String token = credentials.token();
            progress.start();
            uploadClient.upload(http, request.repository(), token, UploadForm.of(distribution, request.md5Digest()),
                    distribution.path(), request.retry(), progress::sent);
            LOG.info("Uploaded {}", distribution.filename());
        } catch (UploadException e) {
            throw new PublishException(e.getMessage() + "\n" + state(published, release, distribution), false);
        } catch (CredentialsException e) {
            throw new PublishException(e.getMessage() + "\n" + state(published, release, distribution), e.reportedToCi());
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
