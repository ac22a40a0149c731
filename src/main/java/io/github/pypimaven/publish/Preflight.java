package io.github.pypimaven.publish;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.credentials.CredentialPlan;
import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.CredentialsException;
import io.github.pypimaven.credentials.StaticCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionException;
import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.files.Sha256;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.trust.TrustedPublishing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a release without sending anything, and collects every failure a real run can be known to meet instead of
 * stopping at the first: the files' checks, the credentials (none at all, contradictory settings, a CI job without
 * its identity token), Maven being offline with an index as the target, files the index has with other bytes, and
 * attestation settings that cannot be used.
 * The dry run and the check goal both print its plan; a real run meets the same checks one by one.
 */
@Named
@Singleton
public class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private final ReleaseChecker checker;
    private final CredentialResolver credentialResolver;
    private final IndexComparison comparison;
    private final HttpClientFactory httpClients;
    private final ReleaseAttestations releaseAttestations;
    private final TrustedPublishing trustedPublishing;

    @Inject
    public Preflight(ReleaseChecker checker, CredentialResolver credentialResolver, IndexComparison comparison,
            HttpClientFactory httpClients, ReleaseAttestations releaseAttestations, TrustedPublishing trustedPublishing) {
        this.checker = checker;
        this.credentialResolver = credentialResolver;
        this.comparison = comparison;
        this.httpClients = httpClients;
        this.releaseAttestations = releaseAttestations;
        this.trustedPublishing = trustedPublishing;
    }

    /** @param github where credentials known in advance are masked before {@code checkUrl} is read with them */
    public ReleasePlan plan(PublishRequest request, GitHubActions github) {
        List<ReleasePlan.Failure> failures = new ArrayList<>();
        Optional<List<Distribution>> release;
        try {
            release = Optional.of(checker.check(request.files()));
        } catch (PublishException e) {
            failures.add(new ReleasePlan.Failure(e.stage(), e.getMessage()));
            release = Optional.empty();
        }
        String credentials = "no credentials (a local index)";
        Set<String> onIndex = Set.of();
        List<String> attestations = List.of();
        if (request.target() instanceof RemoteIndex index) {
            Optional<CredentialPlan> plan = credentials(request, index, failures);
            credentials = plan.map(CredentialPlan::description).orElse("no usable credentials");
            if (request.offline()) {
                failures.add(new ReleasePlan.Failure(PublishException.Stage.CHECK, "Maven is offline (-o), and " + index
                        + " is an index on the network: a real run cannot publish. Run without -o, or skip publishing"
                        + " with -Dpypi.skip."));
                request.checkUrl().ifPresent(url -> LOG.info("Maven is offline (-o), so the release was not compared"
                        + " with {} (checkUrl, pypi.checkUrl)", url));
            } else if (release.isPresent()) {
                onIndex = onIndex(release.get(), request, index, plan.isPresent(), github, failures);
            }
            if (release.isPresent() && plan.isPresent()) {
                Set<String> present = onIndex;
                attestations = attestations(release.get().stream().filter(d -> !present.contains(d.filename()))
                        .toList(), request, index, plan.get(), failures);
            }
        }
        Distribution first = release.map(r -> r.get(0)).orElse(null);
        return new ReleasePlan(Optional.ofNullable(first).map(d -> d.name() + " " + d.version()), request.target(),
                credentials, files(request, release, onIndex), attestations, failures);
    }

    private Optional<CredentialPlan> credentials(PublishRequest request, RemoteIndex index,
            List<ReleasePlan.Failure> failures) {
        try {
            CredentialPlan plan = credentialResolver.plan(request.credentials(), index);
            plan.problem().ifPresent(p -> failures.add(new ReleasePlan.Failure(PublishException.Stage.TRUSTED_PUBLISHING,
                    p)));
            return Optional.of(plan);
        } catch (CredentialsException e) {
            failures.add(new ReleasePlan.Failure(PublishException.Stage.CREDENTIALS, e.getMessage()));
            return Optional.empty();
        }
    }

    /** Whether the files to send would get attestations; a setting a real run could not use is a failure. */
    private List<String> attestations(List<Distribution> toSend, PublishRequest request, RemoteIndex index,
            CredentialPlan credentials, List<ReleasePlan.Failure> failures) {
        AttestationDecision decision = AttestationDecision.of(request.attestations().mode(),
                credentials.trustedPublishing(), index);
        try {
            List<String> preview = releaseAttestations.preview(toSend, decision, request.attestations());
            if (decision.on()) {
                Environment env = request.credentials().environment();
                trustedPublishing.detect(env).flatMap(identity -> identity.missingSigstoreIdentity(env)).ifPresent(
                        missing -> failures.add(new ReleasePlan.Failure(PublishException.Stage.ATTESTATION, missing)));
            }
            return preview;
        } catch (PublishException e) {
            failures.add(new ReleasePlan.Failure(e.stage(), e.getMessage()));
            return List.of();
        }
    }

    /** @param usableCredentials whether the credentials could be decided: when not, the index is read without any */
    private Set<String> onIndex(List<Distribution> release, PublishRequest request, RemoteIndex index,
            boolean usableCredentials, GitHubActions github, List<ReleasePlan.Failure> failures) {
        if (request.checkUrl().isEmpty()) {
            return Set.of();
        }
        try (CloseableHttpClient http = httpClients.create(request.http())) {
            Optional<StaticCredentials> known = Optional.empty();
            if (usableCredentials) {
                known = credentialResolver.staticCredentials(request.credentials(), index, github);
            }
            return comparison.identicalOnIndex(release, request.checkUrl(), index, known, http);
        } catch (CredentialsException e) {
            failures.add(new ReleasePlan.Failure(PublishException.Stage.CREDENTIALS, e.getMessage()));
        } catch (PublishException e) {
            failures.add(new ReleasePlan.Failure(e.stage(), e.getMessage()));
        } catch (IOException e) {
            LOG.warn("Could not close the HTTP connections to {}: {}", request.checkUrl().get(), e.getMessage());
        }
        return Set.of();
    }

    /** The checked files in upload order; when they could not all be read, each file as it is on disk. */
    private static List<ReleasePlan.PlannedFile> files(PublishRequest request, Optional<List<Distribution>> release,
            Set<String> onIndex) {
        if (release.isPresent()) {
            try {
                // The plan shows every file's sha256: hashed all at once, on every core.
                FileDigests.computeAll(release.get().stream().map(Distribution::digests).toList(), false);
                return release.get().stream().map(d -> new ReleasePlan.PlannedFile(d.filename(), d.size(),
                        d.sha256(), onIndex.contains(d.filename()))).toList();
            } catch (DistributionException e) {
                // a file became unreadable after it was checked: shown below as it is on disk
            }
        }
        List<ReleasePlan.PlannedFile> files = new ArrayList<>();
        for (Path file : request.files()) {
            String name = file.getFileName().toString();
            try {
                files.add(new ReleasePlan.PlannedFile(name, Files.size(file), Sha256.hex(file), false));
            } catch (IOException e) {
                files.add(new ReleasePlan.PlannedFile(name, -1, "", false));
            }
        }
        return files;
    }
}
