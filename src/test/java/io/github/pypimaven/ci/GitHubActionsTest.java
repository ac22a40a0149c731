package io.github.pypimaven.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubActionsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksEachLineOfASecretOnItsOwnLine() {
        GitHubActions github = new GitHubActions(new Environment(Map.of("GITHUB_ACTIONS", "true")), out);
        github.mask("pypi-abc");
        github.mask("line1\nline2");
        github.mask("50%off\r");
        assertEquals("::add-mask::pypi-abc\n::add-mask::line1%0Aline2\n::add-mask::line1\n::add-mask::line2\n"
                + "::add-mask::50%25off%0D\n", out());
    }

    @Test
    void escapesErrorsAsTheRunnerExpects() {
        GitHubActions github = new GitHubActions(new Environment(Map.of("GITHUB_ACTIONS", "true")), out);
        github.error("Upload: a, b", "100% failed\r\nsee below");
        assertEquals("::error title=Upload%3A a%2C b::100%25 failed%0D%0Asee below\n", out());
    }

    @Test
    void warningsToo() {
        GitHubActions github = new GitHubActions(new Environment(Map.of("GITHUB_ACTIONS", "true")), out);
        github.warning("t", "a:b,c");
        assertEquals("::warning title=t::a:b,c\n", out());
    }

    @Test
    void doesNothingOutsideGitHubActions(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.md");
        GitHubActions github = new GitHubActions(new Environment(Map.of("GITHUB_ACTIONS", "false",
                "GITHUB_STEP_SUMMARY", summary.toString())), out);
        assertFalse(github.active());
        github.mask("pypi-abc");
        github.error("t", "m");
        github.appendStepSummary("# x");
        assertEquals("", out());
        assertFalse(Files.exists(summary));
    }

    @Test
    void appendsToTheStepSummary(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "# Earlier step\n");
        GitHubActions github = new GitHubActions(new Environment(Map.of("GITHUB_ACTIONS", "true",
                "GITHUB_STEP_SUMMARY", summary.toString())), out);
        assertTrue(github.active());
        github.appendStepSummary("## One");
        github.appendStepSummary("## Two\n");
        assertEquals("# Earlier step\n## One\n## Two\n", Files.readString(summary));
        assertEquals("", out());
    }
}
