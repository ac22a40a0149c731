package io.github.pypimaven.publish;

import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.repository.LocalIndexDirectory;
import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.repository.RemoteIndex;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes releases: every file of every release is read and checked before the first byte is sent, then each
 * release goes to its target (an index over HTTP, or a local index directory), wheels before the sdist. It is the one
 * place that reports to CI: on GitHub Actions the outcome goes to the step summary and a failure, whichever step it
 * came from, becomes one error annotation.
 */
@Named
@Singleton
public class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ReleaseChecker checker;
    private final Preflight preflight;
    private final IndexUpload indexUpload;
    private final LocalIndexPublishing localIndex;

    @Inject
    public Publisher(ReleaseChecker checker, Preflight preflight, IndexUpload indexUpload,
            LocalIndexPublishing localIndex) {
        this.checker = checker;
        this.preflight = preflight;
        this.indexUpload = indexUpload;
        this.localIndex = localIndex;
    }

    /** Publishes one release, writing GitHub workflow commands (which must start their line) to standard output. */
    public List<PublishedFile> publish(PublishRequest request) throws PublishException {
        return publishAll(List.of(request), GitHubActions.standardOutput());
    }

    public List<PublishedFile> publish(PublishRequest request, PrintStream ciOutput) throws PublishException {
        return publishAll(List.of(request), ciOutput);
    }

    /**
     * Publishes several releases (the modules of a reactor): all are read and checked before the first upload, so
     * a bad file in any of them means nothing is published.
     */
    public List<PublishedFile> publishAll(List<PublishRequest> requests) throws PublishException {
        return publishAll(requests, GitHubActions.standardOutput());
    }

    public List<PublishedFile> publishAll(List<PublishRequest> requests, PrintStream ciOutput) throws PublishException {
        if (requests.stream().anyMatch(PublishRequest::dryRun)) {
            rehearse(requests, Rehearsal.DRY_RUN, ciOutput);
            return List.of();
        }
        List<List<Distribution>> releases = new ArrayList<>();
        for (PublishRequest request : requests) {
            CiReport ci = ciReport(request, ciOutput);
            try {
                releases.add(checker.check(request.files()));
            } catch (PublishException e) {
                ci.failed(request.target(), e);
                throw e;
            }
        }
        List<PublishedFile> published = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            PublishRequest request = requests.get(i);
            CiReport ci = ciReport(request, ciOutput);
            try {
                published.addAll(publish(request, releases.get(i), ci));
            } catch (PublishException e) {
                ci.failed(request.target(), e);
                throw e;
            }
        }
        return published;
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
            ReleasePlan plan = preflight.plan(request);
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

    private List<PublishedFile> publish(PublishRequest request, List<Distribution> release, CiReport ci)
            throws PublishException {
        PublishTarget target = request.target();
        PublishedRelease result = target instanceof RemoteIndex index
                ? indexUpload.publish(release, request, index, ci)
                : localIndex.publish(release, (LocalIndexDirectory) target);
        Distribution first = release.get(0);
        ReleaseSummary summary = new ReleaseSummary(first.name(), first.version(), target.displayName(), result);
        summary.lines().forEach(LOG::info);
        ci.published(summary);
        return result.files();
    }

    private static CiReport ciReport(PublishRequest request, PrintStream ciOutput) {
        return new CiReport(new GitHubActions(request.credentials().environment(), ciOutput));
    }
}
