package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.repository.PublishTarget;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a dry run prints: the release, where it would go, with which credentials, and which files would be sent. */
final class DryRunReport {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunReport.class);

    private DryRunReport() {}

    /**
     * @param credentials where the token would come from, as a phrase ("the token from ...")
     * @param present the files the target already has, identical
     */
    static void log(List<Distribution> release, PublishTarget target, String credentials, Set<String> present) {
        Distribution first = release.get(0);
        LOG.info("Dry run: would publish {} {} to {} with {}:", first.name(), first.version(), target, credentials);
        for (Distribution d : release) {
            LOG.info("  {}  {}  sha256:{}{}", d.filename(), Sizes.human(d.size()), d.sha256(),
                    present.contains(d.filename()) ? "  (already there, identical: would not be uploaded)" : "");
        }
        LOG.info("Dry run: every file passed the checks; nothing was sent (pypi.dryRun)");
    }
}
