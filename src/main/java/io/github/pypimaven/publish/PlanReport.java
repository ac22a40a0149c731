package io.github.pypimaven.publish;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dry run and the check goal print: the whole plan of each release first (every file with its size and
 * sha256, the target, the credentials' source), whatever is wrong, then the failure that lists everything a real
 * run would fail on.
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
        if (plan.wouldFail()) {
            LOG.error("{}: a real run would fail ({} problem{}, listed below); nothing was sent {}", rehearsal.label(),
                    plan.failures().size(), plan.failures().size() == 1 ? "" : "s", rehearsal.setting());
        } else {
            LOG.info("{}: every file passed the checks; nothing was sent {}", rehearsal.label(), rehearsal.setting());
        }
    }

    /** The build failure: every predicted failure of every release, numbered, each with its whole message. */
    static PublishException failure(List<ReleasePlan> plans, Rehearsal rehearsal) {
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (ReleasePlan plan : plans) {
            for (String failure : plan.failures()) {
                count++;
                String release = plan.release().map(r -> r + " to ").orElse("") + plan.target().displayName();
                lines.add(count + ". [" + release + "] " + failure.replace("\n", "\n   "));
            }
        }
        return new PublishException(PublishException.Stage.CHECK, rehearsal.label() + ": publishing would fail ("
                + count + " problem" + (count == 1 ? "" : "s") + "); nothing was sent.\n" + String.join("\n", lines));
    }
}
