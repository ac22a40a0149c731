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
    private final IndexUpload indexUpload;
    private final LocalIndexPublishing localIndex;

    @Inject
    public Publisher(ReleaseChecker checker, IndexUpload indexUpload, LocalIndexPublishing localIndex) {
        this.checker = checker;
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

    private List<PublishedFile> publish(PublishRequest request, List<Distribution> release, CiReport ci)
            throws PublishException {
        PublishTarget target = request.target();
        if (request.dryRun()) {
            if (target instanceof RemoteIndex index) {
                indexUpload.dryRun(release, request, index);
            } else {
                localIndex.dryRun(release, (LocalIndexDirectory) target);
            }
            return List.of();
        }
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
