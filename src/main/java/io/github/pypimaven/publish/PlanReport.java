package io.github.pypimaven.publish;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dry run and the check goal print: the whole plan of each release first (every file with its size and
 * sha256, the target, the credentials' source, the attestations), whatever is wrong, then the failure that lists
 * everything a real run would fail on.
 */
final class PlanReport {

    private static final Logger LOG = LoggerFactory.getLogger(PlanReport.class);

    private PlanReport() {}

    static void log(ReleasePlan plan, Rehearsal rehearsal) {
        String what = plan.release().orElse(plan.files().size() + " file" + (plan.files().size() == 1 ? "" : "s"));
        LOG.info("{}: would publish {} to {} with {}:", rehearsal.label(), what, plan.target(), plan.credentials());
        for (ReleasePlan.PlannedFile f : plan.files()) {
            LOG.info("  {}  {}  sha256:{}{}", f.filename(), f.size() < 0 ? "unreadable" : Sizes.human(f.size()),
                    f.sha256(), f.onIndex() ? "  (already there, identical: would not be uploaded)" : "");
        }
        for (int i = 0; i < plan.attestations().size(); i++) {
            LOG.info("{}{}", i == 0 ? rehearsal.label() + ": " : "", plan.attestations().get(i));
        }
        if (plan.wouldFail()) {
            LOG.error("{}: a real run would fail ({} problem{}, listed below); nothing was sent {}", rehearsal.label(),
                    plan.failures().size(), plan.failures().size() == 1 ? "" : "s", rehearsal.setting());
        } else {
            LOG.info("{}: every file passed the checks; nothing was sent {}", rehearsal.label(), rehearsal.setting());
        }
    }

    /**
     * The build failure: every predicted failure of every release, numbered, each with its whole message; its stage
     * is the first failure's, the one a real run would meet first.
     */
    static PublishException failure(List<ReleasePlan> plans, Rehearsal rehearsal) {
        List<String> lines = new ArrayList<>();
        PublishException.Stage first = null;
        for (ReleasePlan plan : plans) {
            for (ReleasePlan.Failure failure : plan.failures()) {
                first = first == null ? failure.stage() : first;
                String release = plan.release().map(r -> r + " to ").orElse("") + plan.target().displayName();
                lines.add((lines.size() + 1) + ". [" + release + "] " + failure.message().replace("\n", "\n   "));
            }
        }
        return new PublishException(first == null ? PublishException.Stage.CHECK : first, rehearsal.label()
                + ": publishing would fail (" + lines.size() + " problem" + (lines.size() == 1 ? "" : "s")
                + "); nothing was sent.\n" + String.join("\n", lines));
    }
}
