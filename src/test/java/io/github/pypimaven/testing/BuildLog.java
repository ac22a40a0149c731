package io.github.pypimaven.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on an IT's build.log, for the verify scripts. */
public final class BuildLog {

    private final Path file;
    private final String text;

    private BuildLog(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    public static BuildLog of(Object basedir) throws IOException {
        Path file = Path.of(basedir.toString(), "build.log");
        return new BuildLog(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    public String text() {
        return text;
    }

    public BuildLog contains(String expected) {
        if (!text.contains(expected)) {
            throw new AssertionError(file + " does not contain: " + expected);
        }
        return this;
    }

    public BuildLog doesNotContain(String unexpected) {
        if (text.contains(unexpected)) {
            throw new AssertionError(file + " contains: " + unexpected);
        }
        return this;
    }

    /** Fails if the build printed a Java stack trace (a failure must be a message, never a trace). */
    public BuildLog hasNoStackTrace() {
        java.util.Optional<String> frame = text.lines()
                .filter(line -> line.matches("\\s+at [\\w$.]+ ?\\(.*") || line.startsWith("Caused by: ")).findFirst();
        if (frame.isPresent()) {
            throw new AssertionError(file + " contains a stack trace: " + frame.get());
        }
        return this;
    }

    /**
     * Fails if a secret (or its Basic-auth or base64 form) appears anywhere in the log, except in GitHub's
     * {@code ::add-mask::} commands, whose whole point is to name the secret to the runner. Never prints the secret.
     */
    public BuildLog hasNoSecret(String secret) {
        String outsideMasks = text.lines().filter(line -> !line.startsWith("::add-mask::"))
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String form : new String[] {secret, java.util.Base64.getEncoder().encodeToString(("__token__:" + secret)
                .getBytes(StandardCharsets.UTF_8))}) {
            if (outsideMasks.contains(form)) {
                throw new AssertionError(file + " contains a secret (" + secret.length() + " characters, starting "
                        + secret.substring(0, Math.min(4, secret.length())) + ")");
            }
        }
        return this;
    }

    /**
     * Fails if a private index's password appears anywhere in the log, alone or in its Basic-auth form with the user
     * name (see {@link #hasNoSecret(String)}).
     */
    public BuildLog hasNoPassword(String username, String password) {
        hasNoSecret(password);
        String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        if (text.contains(basic)) {
            throw new AssertionError(file + " contains the Basic-auth form of the password of " + username);
        }
        return this;
    }

    /** Fails unless every secret of the collection is absent (see {@link #hasNoSecret(String)}). */
    public BuildLog hasNoSecrets(java.util.Collection<String> secrets) {
        if (secrets.isEmpty()) {
            throw new AssertionError("no secrets to look for: the test is wrong");
        }
        secrets.forEach(this::hasNoSecret);
        return this;
    }

    /** Whether some line starts with the given prefix (workflow commands must start their line). */
    public boolean hasLineStartingWith(String prefix) {
        return text.lines().anyMatch(line -> line.startsWith(prefix));
    }

    /** Whether the secret was registered with the runner ({@code ::add-mask::} at the start of a line) before use. */
    public boolean masks(String secret) {
        return text.lines().anyMatch(line -> line.equals("::add-mask::" + secret));
    }
}
