package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialPlan;
import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.CredentialsException;
import io.github.pypimaven.credentials.StaticCredentials;
import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a checked release to an index over HTTP, in two steps so that a reactor's releases are all prepared before
 * the first upload of any: {@link #prepare} chooses the credentials (configuration errors before anything is sent),
 * compares the release with the index, mints the token and makes the attestations; {@link #upload} sends the files the
 * index lacks in order, stopping at the first refusal with a message that says exactly what the index has now.
 */
@Named
@Singleton
public class IndexUpload {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpload.class);

    private final CredentialResolver credentialResolver;
    private final UploadClient uploadClient;
    private final HttpClientFactory httpClients;
    private final IndexComparison comparison;
    private final ReleaseAttestations releaseAttestations;

    @Inject
    public IndexUpload(CredentialResolver credentialResolver, UploadClient uploadClient, HttpClientFactory httpClients,
            IndexComparison comparison, ReleaseAttestations releaseAttestations) {
        this.credentialResolver = credentialResolver;
        this.uploadClient = uploadClient;
        this.httpClients = httpClients;
        this.comparison = comparison;
        this.releaseAttestations = releaseAttestations;
    }

    /**
     * Everything before the first byte of a file is sent: credentials are chosen (configuration errors first), the
     * release is compared with the index, the token is minted and the attestations are made. The caller closes the
     * result. {@code run} holds the credentials that the run's earlier releases resolved.
     */
    PreparedUpload prepare(List<Distribution> release, PublishRequest request, RemoteIndex index, CiReport ci,
            RunCredentials run) throws PublishException {
        plan(request, index, "Nothing was uploaded.");
        CloseableHttpClient http = httpClients.create(request.http());
        try {
            Optional<StaticCredentials> known = staticCredentials(request, index, ci, "Nothing was uploaded.");
            Set<String> present = comparison.identicalOnIndex(release, request.checkUrl(), index, known, http);
            List<Distribution> toSend = release.stream().filter(d -> !present.contains(d.filename())).toList();
            if (toSend.isEmpty()) { // nothing to send, so no token is needed either
                return new PreparedUpload(request, index, release, http, present, Optional.empty(), Map.of());
            }
            // credentials known in advance need no sharing; a Trusted Publishing token is minted once per run and index
            UploadCredentials credentials = known.isPresent() ? known.get() : run.forIndex(index, request.credentials(),
                    () -> resolveCredentials(request, index, http, ci));
            AttestationDecision decision = AttestationDecision.of(request.attestations().mode(),
                    credentials.trustedPublishing().isPresent(), index);
            Map<String, FileAttestations> attestations = Map.of();
            if (decision.on()) {
                attestations = releaseAttestations.attest(toSend, decision, request.attestations(), request.http(),
                        credentials.trustedPublishing().orElseThrow());
            } else {
                releaseAttestations.logNone(toSend, decision);
            }
            return new PreparedUpload(request, index, release, http, present, Optional.of(credentials), attestations);
        } catch (PublishException | RuntimeException e) {
            closeQuietly(http, e);
            throw e;
        }
    }

    /** Uploads the files of a prepared release that the index lacks, in order, stopping at the first refusal. */
    PublishedRelease upload(PreparedUpload prepared) throws PublishException {
        List<Distribution> release = prepared.release();
        Distribution first = release.get(0);
        List<PublishedFile> published = new ArrayList<>();
        for (Distribution d : release) {
            if (prepared.present().contains(d.filename())) {
                LOG.info("{} is already on the index, identical: not uploaded again", d.filename());
                published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), true));
            }
        }
        if (prepared.credentials().isPresent()) {
            UploadCredentials credentials = prepared.credentials().get();
            LOG.info("Publishing {} {} ({} file{}) to {} with {}", first.name(), first.version(),
                    release.size(), release.size() == 1 ? "" : "s", prepared.index(), credentials.description());
            for (Distribution d : release) {
                if (!prepared.present().contains(d.filename())) {
                    Optional<FileAttestations> attestations = Optional.ofNullable(prepared.attestations()
                            .get(d.filename()));
                    upload(prepared, credentials, d, attestations, published);
                    published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), false,
                            attestations.map(FileAttestations::entries).orElse(List.of())));
                }
            }
        }
        return new PublishedRelease(published, prepared.index().known()
                .map(k -> "Release page: " + k.releasePage(first.name().normalized(), first.version().toString())));
    }

    private static void closeQuietly(CloseableHttpClient http, Exception failure) {
        try {
            http.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Where the token will come from; fails, offline, on a configuration problem. */
    private CredentialPlan plan(PublishRequest request, RemoteIndex index, String outcome) throws PublishException {
        try {
            return credentialResolver.plan(request.credentials(), index);
        } catch (CredentialsException e) {
            throw new PublishException(PublishException.Stage.CREDENTIALS, e.getMessage() + "\n" + outcome, e);
        }
    }

    /** The credentials when they are known without sending anything, masked on GitHub Actions; empty for Trusted Publishing. */
    private Optional<StaticCredentials> staticCredentials(PublishRequest request, RemoteIndex index, CiReport ci,
            String outcome) throws PublishException {
        try {
            return credentialResolver.staticCredentials(request.credentials(), index, ci.github());
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

    private void upload(PreparedUpload prepared, UploadCredentials credentials, Distribution distribution,
            Optional<FileAttestations> attestations, List<PublishedFile> published) throws PublishException {
        UploadProgress progress = new UploadProgress(distribution.filename(), distribution.size());
        PublishRequest request = prepared.request();
        try {
            BasicAuth auth = credentials.basicAuth();
            progress.start();
            uploadClient.upload(prepared.http(), prepared.index(), auth, UploadForm.of(distribution,
                    request.md5Digest(), attestations.map(FileAttestations::formField)), distribution.path(),
                    request.retry(), progress::sent);
            LOG.info("Uploaded {}{}", distribution.filename(), attestations.isPresent() ? " with its attestation"
                    + (attestations.get().json().size() == 1 ? "" : "s") : "");
        } catch (UploadException e) {
            throw new PublishException(PublishException.Stage.UPLOAD, e.getMessage() + "\n"
                    + PublishedRelease.stateAfterFailure(published, prepared.release(), distribution,
                            identicalAccepted(prepared)), e);
        } catch (CredentialsException e) {
            throw new PublishException(stage(e), e.getMessage() + "\n"
                    + PublishedRelease.stateAfterFailure(published, prepared.release(), distribution,
                            identicalAccepted(prepared)), e);
        }
    }

    /** PyPI and TestPyPI accept an identical file again; with checkUrl, files already there are not sent again. */
    private static boolean identicalAccepted(PreparedUpload prepared) {
        return prepared.index().known().isPresent() || prepared.request().checkUrl().isPresent();
    }

    private static PublishException.Stage stage(CredentialsException e) {
        return e.getCause() instanceof TrustedPublishingException
                ? PublishException.Stage.TRUSTED_PUBLISHING
                : PublishException.Stage.CREDENTIALS;
    }
}
