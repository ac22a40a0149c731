package io.github.pypimaven.ci;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the GitHub Actions runner: workflow commands ({@code ::add-mask::}, {@code ::error::},
 * {@code ::warning::}) and the job's step summary. Outside GitHub Actions every method does nothing.
 *
 * <p>Workflow commands are written straight to {@code out}, not through the logger: the runner only recognises a
 * command at the very start of a line, and Maven's {@code [INFO] } prefix would hide it. In production {@code out}
 * is the process's standard output file descriptor itself ({@link #standardOutput()}), not {@code System.out}:
 * Maven 4 replaces {@code System.out} with a stream that prefixes every line with {@code [INFO] [stdout] },
 * which would turn {@code ::add-mask::<token>} into a line that prints the token instead of hiding it.
 */
public final class GitHubActions {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubActions.class);

    private final Environment env;
    private final PrintStream out;

    public GitHubActions(Environment env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /**
     * The process's real standard output, whatever Maven did to {@code System.out}. What Maven wrote to
     * {@code System.out} so far is flushed first, so that a command never lands in the middle of a log line.
     */
    public static PrintStream standardOutput() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8) {
            @Override
            public void flush() {
                System.out.flush();
                super.flush();
            }

            @Override
            public void print(String text) {
                System.out.flush();
                super.print(text);
            }

            @Override
            public void close() {
                flush(); // never close the process's standard output
            }
        };
    }

    public boolean active() {
        return env.get("GITHUB_ACTIONS").map("true"::equals).orElse(false);
    }

    /**
     * Asks the runner to hide {@code secret} in every later line of the job log. The value is escaped as the runner
     * unescapes command data ({@code %}, CR, LF), so what it masks is exactly the secret; a value spanning lines is
     * also masked line by line, because the runner matches within one line of the log.
     */
    public void mask(String secret) {
        if (!active() || secret == null || secret.isBlank()) {
            return;
        }
        StringBuilder commands = new StringBuilder("::add-mask::").append(escapeData(secret)).append('\n');
        String[] lines = secret.split("\r\n|\r|\n");
        if (lines.length > 1) {
            for (String line : lines) {
                if (!line.isBlank()) {
                    commands.append("::add-mask::").append(escapeData(line)).append('\n');
                }
            }
        }
        emit(commands.toString());
    }

    /** An error annotation on the workflow run. */
    public void error(String title, String message) {
        annotate("error", title, message);
    }

    /** A warning annotation on the workflow run. */
    public void warning(String title, String message) {
        annotate("warning", title, message);
    }

    /** Appends Markdown to the job summary page, if the runner offers one ({@code GITHUB_STEP_SUMMARY}). */
    public void appendStepSummary(String markdown) {
        if (!active()) {
            return;
        }
        Optional<String> file = env.get("GITHUB_STEP_SUMMARY");
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(file.get()), markdown.endsWith("\n") ? markdown : markdown + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // The summary is a convenience; failing to write it must not fail the build.
            LOG.warn("Could not append to the GitHub step summary {}: {}", file.get(), e.getMessage());
        }
    }

    private void annotate(String command, String title, String message) {
        if (!active()) {
            return;
        }
        String properties = title == null || title.isEmpty() ? "" : " title=" + escapeProperty(title);
        emit("::" + command + properties + "::" + escapeData(message == null ? "" : message) + "\n");
    }

    private void emit(String lines) {
        if (lines.isEmpty()) {
            return;
        }
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
    }

    /** The escaping of the runner's command parser (actions/toolkit): the message part. */
    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Properties additionally escape the characters that separate them. */
    static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
