package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.CredentialPlan;
import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.CredentialsException;
import io.github.pypimaven.credentials.StaticCredentials;
import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionException;
import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
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
 * index lacks as {@link UploadSchedule} orders them, several at a time, starting none after the first refusal, with a
 * message that says exactly what the index has now.
 */
@Named
@Singleton
public class IndexUpload {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpload.class);

    private final CredentialResolver credentialResolver;
    private final UploadClient uploadClient;
    private final IndexComparison comparison;
    private final ReleaseAttestations releaseAttestations;

    @Inject
    public IndexUpload(CredentialResolver credentialResolver, UploadClient uploadClient,
            IndexComparison comparison, ReleaseAttestations releaseAttestations) {
        this.credentialResolver = credentialResolver;
        this.uploadClient = uploadClient;
        this.comparison = comparison;
        this.releaseAttestations = releaseAttestations;
    }

    /**
     * Everything before the first byte of a file is sent: credentials are chosen (configuration errors first), the
     * release is compared with the index, the token is minted and the attestations are made. {@code http} is the
     * run's client (see {@link io.github.pypimaven.http.SharedHttpClients}); {@code run} holds the credentials that the
     * run's earlier releases resolved.
     */
    PreparedUpload prepare(List<Distribution> release, PublishRequest request, RemoteIndex index, CiReport ci,
            CloseableHttpClient http, RunCredentials run) throws PublishException {
        plan(request, index, "Nothing was uploaded.");
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
            hashAll(toSend, false); // the attestations sign the digests
            attestations = releaseAttestations.attest(toSend, decision, request.attestations(), request.http(),
                    credentials.trustedPublishing().orElseThrow());
        } else {
            releaseAttestations.logNone(toSend, decision);
        }
        if (!request.digestPlacement().afterFile(index)) {
            hashAll(toSend, request.md5Digest()); // the digest fields go before the file: hash every file now
        }
        return new PreparedUpload(request, index, release, http, present, Optional.of(credentials), attestations);
    }

    /** Hashes the files on every core at once; a file that cannot be read stops the release before any upload. */
    private static void hashAll(List<Distribution> files, boolean md5) throws PublishException {
        try {
            FileDigests.computeAll(files.stream().map(Distribution::digests).toList(), md5);
        } catch (DistributionException e) {
            throw new PublishException(PublishException.Stage.CHECK, e.getMessage() + "\nNothing was uploaded.",
                    e);
        }
    }

    /**
     * Uploads the files of a prepared release that the index lacks, as its {@link UploadSchedule} orders them and up
     * to {@code parallelUploads} at a time; after a failure no new upload starts, and the message says exactly which
     * files the index has.
     */
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
        if (prepared.credentials().isEmpty()) {
            return new PublishedRelease(published, releasePage(prepared, first));
        }
        UploadCredentials credentials = prepared.credentials().get();
        int parallel = prepared.request().parallelUploads();
        LOG.info("Publishing {} {} ({} file{}) to {} with {}{}", first.name(), first.version(),
                release.size(), release.size() == 1 ? "" : "s", prepared.index(), credentials.description(),
                parallel > 1 ? ", up to " + parallel + " at a time" : "");
        List<Distribution> toSend = release.stream().filter(d -> !prepared.present().contains(d.filename())).toList();
        UploadSchedule schedule = UploadSchedule.of(toSend, !prepared.present().isEmpty(), parallel);
        ConcurrentUploads.Outcome outcome = new ConcurrentUploads(parallel).run(schedule,
                d -> upload(prepared, credentials, d));
        Set<Distribution> uploaded = Collections.newSetFromMap(new IdentityHashMap<>());
        uploaded.addAll(outcome.uploaded());
        for (Distribution d : release) { // in release order, whatever order the index answered in
            if (uploaded.contains(d)) {
                published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), false, attestations(prepared, d)
                        .map(FileAttestations::entries).orElse(List.of())));
            }
        }
        if (!outcome.failures().isEmpty()) {
            throw failure(outcome, published, release, identicalAccepted(prepared));
        }
        return new PublishedRelease(published, releasePage(prepared, first));
    }

    private static Optional<String> releasePage(PreparedUpload prepared, Distribution first) {
        return prepared.index().known()
                .map(k -> "Release page: " + k.releasePage(first.name().normalized(), first.version().toString()));
    }

    private static Optional<FileAttestations> attestations(PreparedUpload prepared, Distribution d) {
        return Optional.ofNullable(prepared.attestations().get(d.filename()));
    }

    /** Every failure's own message, then exactly what the index has now and what it has not. */
    private static PublishException failure(ConcurrentUploads.Outcome outcome, List<PublishedFile> published,
            List<Distribution> release, boolean identicalAccepted) {
        Exception firstCause = outcome.failures().get(0).cause();
        StringBuilder message = new StringBuilder();
        for (ConcurrentUploads.Failure f : outcome.failures()) {
            message.append(f.cause() instanceof DistributionException || f.cause() instanceof UploadException
                    || f.cause() instanceof CredentialsException ? f.cause().getMessage()
                    : "Uploading " + f.file().filename() + " failed: " + f.cause()).append('\n');
        }
        List<String> onIndex = published.stream().map(PublishedFile::filename).toList();
        List<String> missing = release.stream().map(Distribution::filename).filter(f -> !onIndex.contains(f)).toList();
        message.append(PublishedRelease.stateAfterFailure(onIndex, missing, identicalAccepted));
        PublishException.Stage stage = firstCause instanceof CredentialsException e ? stage(e)
                : PublishException.Stage.UPLOAD;
        return new PublishException(stage, message.toString(), firstCause);
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

    /** Uploads one file; called from several threads at once when uploads run side by side. */
    private void upload(PreparedUpload prepared, UploadCredentials credentials, Distribution distribution)
            throws UploadException, CredentialsException {
        PublishRequest request = prepared.request();
        Optional<FileAttestations> attestations = attestations(prepared, distribution);
        UploadProgress progress = new UploadProgress(distribution.filename(), distribution.size(),
                request.transferProgress());
        BasicAuth auth;
        synchronized (credentials) { // a Trusted Publishing token may be minted again: once, not by every thread
            auth = credentials.basicAuth();
        }
        UploadForm form = UploadForm.of(distribution, request.md5Digest(),
                attestations.map(FileAttestations::formField), request.digestPlacement().afterFile(prepared.index()));
        uploadClient.upload(prepared.http(), prepared.index(), auth, form, request.retry(), progress::start,
                progress::sent);
        LOG.info("{}", progress.done(attestations.isPresent() ? " with its attestation"
                + (attestations.get().json().size() == 1 ? "" : "s") : ""));
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
