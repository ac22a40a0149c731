package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePyPI;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run and the check goal: the whole plan is printed whatever is wrong, then every failure a real run would
 * meet is listed in one build failure; nothing reaches the index but the comparison with its simple API.
 */
class RehearsalTest {

    private static final String TOKEN = "pypi-rehearsal-token-0123456789";

    @TempDir
    Path dir;
    private FakePyPI pypi;
    private final Publisher publisher = TestServices.publisher();
    private final ByteArrayOutputStream ci = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        pypi = FakePyPI.start(0).acceptToken(TOKEN);
    }

    @AfterEach
    void stop() {
        pypi.close();
    }

    private Path wheel() {
        return TestDistributions.wheel("my-tool", "1.2.0").field("Summary", "A tool")
                .module("my_tool/__init__.py", "X = 1\n").writeTo(dir.resolve("dist"));
    }

    private Path sdist() {
        return TestDistributions.sdist("my-tool", "1.2.0").field("Summary", "A tool")
                .module("my_tool/__init__.py", "X = 1\n").writeTo(dir.resolve("dist"));
    }

    private PublishRequest.Builder request(List<Path> files, CredentialRequest credentials) {
        return PublishRequest.builder(files, TestTargets.remote(pypi.uploadUrl()), credentials).dryRun(true);
    }

    private static CredentialRequest trustedPublishing(Map<String, String> env) {
        return new CredentialRequest(TrustedPublishingMode.ALWAYS, Optional.empty(), "UNSET", new Environment(env),
                Optional.of("pypi"));
    }

    /** Runs the rehearsal and returns the log (slf4j-simple writes to standard error) and the failure, if any. */
    private Outcome rehearse(PublishRequest request, Rehearsal rehearsal) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        PublishException failure = null;
        try {
            publisher.rehearse(List.of(request), rehearsal, new PrintStream(ci, true, StandardCharsets.UTF_8));
        } catch (PublishException e) {
            failure = e;
        } finally {
            System.setErr(original);
        }
        return new Outcome(err.toString(StandardCharsets.UTF_8), Optional.ofNullable(failure));
    }

    private record Outcome(String log, Optional<PublishException> failure) {
        String message() {
            return failure.orElseThrow(() -> new AssertionError("the rehearsal passed:\n" + log)).getMessage();
        }
    }

    @Test
    void aGitHubJobWithoutIdTokenPermissionIsNamedAfterTheWholePlan() throws Exception {
        Path wheel = wheel();
        Outcome outcome = rehearse(request(List.of(sdist(), wheel), trustedPublishing(Map.of("GITHUB_ACTIONS", "true")))
                .build(), Rehearsal.DRY_RUN);
        assertTrue(outcome.log().contains("Dry run: would publish my-tool 1.2.0 to " + pypi.uploadUrl() + " with the"
                + " token from Trusted Publishing (GitHub Actions identity, audience 'pypi'):"), outcome.log());
        assertTrue(outcome.log().contains("  my_tool-1.2.0-py3-none-any.whl  ") && outcome.log().contains("sha256:"
                + io.github.pypimaven.files.Sha256.hex(wheel)), outcome.log());
        assertTrue(outcome.log().indexOf("  my_tool-1.2.0-py3-none-any.whl  ") < outcome.log().indexOf("  my_tool-1.2.0.tar.gz  "),
                "wheels first: " + outcome.log());
        assertTrue(outcome.log().contains("Dry run: a real run would fail (1 problem, listed below)"), outcome.log());
        assertTrue(outcome.message().startsWith("Dry run: publishing would fail (1 problem); nothing was sent.\n1. [my-tool"
                + " 1.2.0 to 127.0.0.1:" + pypi.port() + "] Trusted Publishing failed: GitHub Actions gave this job no OIDC"
                + " identity token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)"), outcome.message());
        assertTrue(outcome.message().contains("id-token: write"), outcome.message());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void aGitLabJobWithoutItsIdTokenIsNamed() {
        Outcome outcome = rehearse(request(List.of(wheel()), trustedPublishing(Map.of("GITLAB_CI", "true"))).build(),
                Rehearsal.CHECK);
        assertTrue(outcome.log().contains("Check: would publish my-tool 1.2.0 to"), outcome.log());
        assertTrue(outcome.message().startsWith("Check: publishing would fail (1 problem)"), outcome.message());
        assertTrue(outcome.message().contains("variable PYPI_ID_TOKEN is not set"), outcome.message());
    }

    @Test
    void aGitLabJobWithoutItsSigstoreIdTokenIsNamedWhenAttestationsAreOn() {
        AttestationSettings on = AttestationSettings.parse("true", "https://fulcio.sigstore.dev",
                "https://rekor.sigstore.dev", null, dir);
        Outcome outcome = rehearse(request(List.of(wheel()), trustedPublishing(Map.of("GITLAB_CI", "true",
                "PYPI_ID_TOKEN", "a.b.c"))).attestations(on).build(), Rehearsal.DRY_RUN);
        assertTrue(outcome.log().contains("Dry run: attestations (PEP 740) would be made because"), outcome.log());
        assertTrue(outcome.message().startsWith("Dry run: publishing would fail (1 problem)"), outcome.message());
        assertTrue(outcome.message().contains("variable SIGSTORE_ID_TOKEN is not set"), outcome.message());
        assertEquals(PublishException.Stage.ATTESTATION, outcome.failure().orElseThrow().stage());
    }

    @Test
    void everyProblemIsListedAtOnceAndTheFilesAreStillShown() throws Exception {
        Path bad = TestDistributions.sdist("my-tool", "1.2.0").filename("My-Tool-1.2.0.tar.gz").writeTo(dir.resolve("bad"));
        CredentialRequest none = new CredentialRequest(TrustedPublishingMode.AUTO, Optional.empty(), "UNSET",
                new Environment(Map.of()));
        Outcome outcome = rehearse(request(List.of(bad), none).offline(true).build(), Rehearsal.DRY_RUN);
        assertTrue(outcome.log().contains("Dry run: would publish 1 file to " + pypi.uploadUrl() + " with no usable"
                + " credentials:"), outcome.log());
        assertTrue(outcome.log().contains("  My-Tool-1.2.0.tar.gz  " + Sizes.human(Files.size(bad)) + "  sha256:"
                + io.github.pypimaven.files.Sha256.hex(bad)), outcome.log());
        String message = outcome.message();
        assertTrue(message.startsWith("Dry run: publishing would fail (3 problems)"), message);
        assertTrue(message.contains("\n1. [127.0.0.1:" + pypi.port() + "] ") && message.contains("my_tool-1.2.0.tar.gz"),
                message);
        assertTrue(message.contains("\n2. [127.0.0.1:" + pypi.port() + "] No credentials for 127.0.0.1:"), message);
        assertTrue(message.contains("\n3. [127.0.0.1:" + pypi.port() + "] Maven is offline (-o)"), message);
    }

    @Test
    void aFileTheIndexHasWithOtherBytesIsAPredictedFailure() throws Exception {
        Path wheel = wheel();
        CredentialRequest token = TestServices.tokenCredentials(TOKEN, new Environment(Map.of()));
        Optional<SecureUrl> simple = Optional.of(SecureUrl.parse(pypi.baseUrl() + "/simple/", "checkUrl", ""));
        publisher.publish(PublishRequest.builder(List.of(wheel), TestTargets.remote(pypi.uploadUrl()), token).build());
        Path rebuilt = TestDistributions.wheel("my-tool", "1.2.0").field("Summary", "Other bytes")
                .module("my_tool/__init__.py", "X = 2\n").writeTo(dir.resolve("rebuilt"));
        Outcome outcome = rehearse(request(List.of(rebuilt, sdist()), token).checkUrl(simple).build(), Rehearsal.CHECK);
        assertTrue(outcome.message().contains("my_tool-1.2.0-py3-none-any.whl is already on 127.0.0.1 with other"
                + " content"), outcome.message());
        // The identical wheel is marked as one that would not be uploaded again, and then nothing fails.
        List<ReleasePlan> plans = publisher.rehearse(List.of(request(List.of(wheel, sdist()), token).checkUrl(simple)
                .build()), Rehearsal.CHECK);
        assertEquals(List.of(true, false), plans.get(0).files().stream().map(ReleasePlan.PlannedFile::onIndex).toList());
        assertEquals(1, pypi.uploadRequests().size(), "only the real publish uploaded");
    }

    @Test
    void aLocalIndexNeedsNoCredentialsAndPasses() throws Exception {
        PublishTarget local = PublishTarget.parse("file:index", dir);
        List<ReleasePlan> plans = publisher.rehearse(List.of(PublishRequest.builder(List.of(wheel()), local,
                new CredentialRequest(TrustedPublishingMode.NEVER, Optional.empty(), "UNSET", new Environment(Map.of())))
                .offline(true).build()), Rehearsal.CHECK);
        assertEquals("no credentials (a local index)", plans.get(0).credentials());
        assertTrue(plans.get(0).failures().isEmpty());
        assertTrue(Files.notExists(dir.resolve("index")), "a check writes nothing");
    }

    @Test
    void onGitHubActionsAPredictedFailureIsAnErrorAnnotationAndInTheStepSummary() throws Exception {
        Path summary = dir.resolve("summary.md");
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());
        Outcome outcome = rehearse(request(List.of(wheel()), trustedPublishing(env)).build(), Rehearsal.CHECK);
        assertTrue(outcome.failure().isPresent());
        assertTrue(ci.toString(StandardCharsets.UTF_8).startsWith("::error title=Check%3A publishing would fail::"),
                ci.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(summary).startsWith("## Check: publishing would fail"), Files.readString(summary));
    }
}
