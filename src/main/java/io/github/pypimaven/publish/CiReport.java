package io.github.pypimaven.publish;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.ci.GitHubActions;
import io.github.pypimaven.repository.PublishTarget;

/**
 * The one place a publishing run reports to CI: a failure becomes an error annotation and a step-summary section
 * (once, whichever layer it came from), a published release a table in the step summary, and things worth a look a
 * warning annotation. Outside GitHub Actions all of it does nothing.
 */
final class CiReport {

    private final GitHubActions github;

    CiReport(GitHubActions github) {
        this.github = github;
    }

    /** For secrets obtained on the way, which must be masked the moment they exist. */
    GitHubActions github() {
        return github;
    }

    void failed(PublishTarget target, PublishException failure) {
        String title = switch (failure.stage()) {
            case TRUSTED_PUBLISHING -> "Trusted Publishing failed";
            case ATTESTATION -> "Attestations failed: nothing was published to " + target.displayName();
            default -> "Publishing to " + target.displayName() + " failed";
        };
        github.error(title, failure.getMessage());
        github.appendStepSummary("## " + title + "\n\n" + ForeignText.fenced(failure.getMessage()));
    }

    /** A dry run or the check goal found what a real run would fail on. */
    void predicted(String title, PublishException failure) {
        github.error(title, failure.getMessage());
        github.appendStepSummary("## " + title + "\n\n" + ForeignText.fenced(failure.getMessage()));
    }

    void published(ReleaseSummary summary) {
        github.appendStepSummary(summary.markdown());
    }

    void warning(String title, String message) {
        github.warning(title, message);
    }
}
