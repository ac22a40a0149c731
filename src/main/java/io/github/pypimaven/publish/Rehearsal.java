package io.github.pypimaven.publish;

/** The two ways a release is planned without being sent, which differ only in how they name themselves. */
public enum Rehearsal {
    /** {@code publish} with {@code dryRun}: says what this run would do. */
    DRY_RUN("Dry run", "(pypi.dryRun)"),
    /** The {@code check} goal: verifies, before the deploy phase, what publishing would do. */
    CHECK("Check", "(pypi:check)");

    private final String label;
    private final String setting;

    Rehearsal(String label, String setting) {
        this.label = label;
        this.setting = setting;
    }

    /** How log lines start: "Dry run", "Check". */
    public String label() {
        return label;
    }

    /** What the user set, for the closing line: "(pypi.dryRun)". */
    public String setting() {
        return setting;
    }
}
