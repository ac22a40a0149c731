package io.github.pypimaven.publish;

import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.SharedHttpClients;
import io.github.pypimaven.repository.LocalIndexDirectory;
import io.github.pypimaven.repository.RemoteIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes releases in three steps, each for every release before the next: every file is read and checked; then
 * everything that can fail without sending a file (the index comparison, the token, the attestations) is done; only
 * then does each release go to its target (an index over HTTP, or a local index directory), wheels before the sdist.
 * So a problem with any release, found before an upload, means nothing is published. A dry run and the check goal
 * instead plan every release with {@link Preflight}, print the plans, and fail listing everything a real run would
 * fail on. It is the one place that reports
 * to CI: on GitHub Actions the outcome goes to the step summary and a failure, whichever step it came from, becomes
 * one error annotation.
 */
@Named
@Singleton
public class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ReleaseChecker checker;
    private final Preflight preflight;
    private final IndexUpload indexUpload;
    private final LocalIndexPublishing localIndex;
    private final HttpClientFactory httpClients;

    @Inject
    public Publisher(ReleaseChecker checker, Preflight preflight, IndexUpload indexUpload,
            LocalIndexPublishing localIndex, HttpClientFactory httpClients) {
        this.checker = checker;
        this.preflight = preflight;
        this.indexUpload = indexUpload;
        this.localIndex = localIndex;
        this.httpClients = httpClients;
    }

    /** Publishes one release, writing GitHub workflow commands (which must start their line) to standard output. */
    public List<PublishedFile> publish(PublishRequest request) throws PublishException {
        return publishAll(List.of(request), GitHubActions.standardOutput());
    }

    public List<PublishedFile> publish(PublishRequest request, PrintStream ciOutput) throws PublishException {
        return publishAll(List.of(request), ciOutput);
    }

    /**
     * Publishes several releases (the modules of a reactor): all are checked, compared with their index and attested
     * before the first upload, so a bad file in any of them means nothing is published.
     */
    public List<PublishedFile> publishAll(List<PublishRequest> requests) throws PublishException {
        return publishAll(requests, GitHubActions.standardOutput());
    }

    public List<PublishedFile> publishAll(List<PublishRequest> requests, PrintStream ciOutput) throws PublishException {
        if (requests.stream().anyMatch(PublishRequest::dryRun)) {
            rehearse(requests, Rehearsal.DRY_RUN, ciOutput);
            return List.of();
        }
        // One HTTP client for the whole run: every module of a reactor reuses the same connections. It is built while
        // the files are checked; nothing is sent before every release has passed its checks.
        SharedHttpClients http = new SharedHttpClients(httpClients);
        try {
            for (PublishRequest request : requests) {
                if (request.target() instanceof RemoteIndex) {
                    http.prepare(request.http());
                }
            }
            List<List<Distribution>> releases = new ArrayList<>();
            for (PublishRequest request : requests) {
                releases.add(step(request, ciOutput, () -> checker.check(request.files())));
            }
            // Everything that can fail without sending a file, for every release, before the first upload of any:
            // index comparison, tokens, attestations.
            List<PreparedUpload> prepared = new ArrayList<>();
            RunCredentials credentials = new RunCredentials();
            for (int i = 0; i < requests.size(); i++) {
                PublishRequest request = requests.get(i);
                List<Distribution> release = releases.get(i);
                prepared.add(step(request, ciOutput, () -> prepare(request, release, ciReport(request, ciOutput),
                        http, credentials)));
            }
            List<PublishedFile> published = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                PublishRequest request = requests.get(i);
                CiReport ci = ciReport(request, ciOutput);
                PreparedUpload upload = prepared.get(i);
                List<Distribution> release = releases.get(i);
                PublishedRelease result = step(request, ciOutput, () -> upload != null
                        ? indexUpload.upload(upload)
                        : localIndex.publish(release, (LocalIndexDirectory) request.target()));
                Distribution first = release.get(0);
                ReleaseSummary summary = new ReleaseSummary(first.name(), first.version(),
                        request.target().displayName(), result);
                summary.lines().forEach(LOG::info);
                ci.published(summary);
                published.addAll(result.files());
            }
            return published;
        } finally {
            close(http);
        }
    }

    /**
     * Plans every release without sending anything and prints each plan whole, then fails, listing everything a real
     * run would fail on, when there is anything: the dry run and the check goal.
     *
     * @return the plans, when a real run would succeed
     */
    public List<ReleasePlan> rehearse(List<PublishRequest> requests, Rehearsal rehearsal) throws PublishException {
        return rehearse(requests, rehearsal, GitHubActions.standardOutput());
    }

    public List<ReleasePlan> rehearse(List<PublishRequest> requests, Rehearsal rehearsal, PrintStream ciOutput)
            throws PublishException {
        List<ReleasePlan> plans = new ArrayList<>();
        for (PublishRequest request : requests) {
            ReleasePlan plan = preflight.plan(request, ciReport(request, ciOutput).github());
            PlanReport.log(plan, rehearsal);
            plans.add(plan);
        }
        List<ReleasePlan> failing = plans.stream().filter(ReleasePlan::wouldFail).toList();
        if (!failing.isEmpty()) {
            PublishException failure = PlanReport.failure(failing, rehearsal);
            ciReport(requests.get(0), ciOutput).predicted(rehearsal.label() + ": publishing would fail", failure);
            throw failure;
        }
        return plans;
    }

    /** Prepares an upload to an index; nothing for a local index (returns null). */
    private PreparedUpload prepare(PublishRequest request, List<Distribution> release, CiReport ci,
            SharedHttpClients http, RunCredentials credentials) throws PublishException {
        return request.target() instanceof RemoteIndex index
                ? indexUpload.prepare(release, request, index, ci, http.get(request.http()), credentials)
                : null;
    }

    /** A step of one release; its failure is reported to CI for that release's target. */
    private static <T> T step(PublishRequest request, PrintStream ciOutput, Step<T> step) throws PublishException {
        try {
            return step.run();
        } catch (PublishException e) {
            ciReport(request, ciOutput).failed(request.target(), e);
            throw e;
        }
    }

    private interface Step<T> {
        T run() throws PublishException;
    }

    /** Closes the run's connections; a failure to close hides no outcome, so it is only logged. */
    private static void close(SharedHttpClients http) {
        try {
            http.close();
        } catch (IOException e) {
            LOG.warn("Could not close the HTTP connections: {}", e.getMessage());
        }
    }

    private static CiReport ciReport(PublishRequest request, PrintStream ciOutput) {
        return new CiReport(new GitHubActions(request.credentials().environment(), ciOutput));
    }
}
