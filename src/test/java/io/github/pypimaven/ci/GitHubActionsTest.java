package io.github.pypimaven.ci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.ExternalCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void onWindowsVariableNamesIgnoreCase(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.md");
        Map<String, String> variables = Map.of("Github_Actions", "true", "github_step_summary", summary.toString());
        GitHubActions windows = new GitHubActions(new Environment(variables, true), out);
        assertTrue(windows.active());
        windows.appendStepSummary("## Windows");
        assertEquals("## Windows\n", Files.readString(summary));
        assertFalse(new GitHubActions(new Environment(variables), out).active(), "Linux and macOS: names are exact");
    }

    /** Run by the next test in a JVM set up as on a Windows runner. */
    public static void main(String[] args) {
        System.out.println("Maven's own line");
        GitHubActions github = new GitHubActions(Environment.system(), GitHubActions.standardOutput());
        github.mask("sécret-✓");
        github.error("Échec ✓", "naïve\nligne");
        github.appendStepSummary("## Résumé ✓");
    }

    @Test
    void commandsAndSummaryAreUtf8WithLfWhateverTheJvmsDefaults(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("step_summary.md");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Java 17 on a Windows runner: CRLF line separator, windows-1252 as the default charset and stdout encoding
        ExternalCommand.Result result = ExternalCommand.run(List.of(java, "-Dline.separator=\r\n",
                "-Dfile.encoding=windows-1252", "-Dsun.stdout.encoding=windows-1252", "-cp",
                System.getProperty("java.class.path"), GitHubActionsTest.class.getName()),
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), dir, 60);
        assertTrue(result.ok(), result.output());
        assertTrue(result.output().contains("Maven's own line\r\n::add-mask::sécret-✓\n::error title=Échec ✓::naïve%0Aligne\n"),
                result.output());
        assertArrayEquals("## Résumé ✓\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(summary));
    }
}
