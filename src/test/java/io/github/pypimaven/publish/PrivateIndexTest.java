package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.ServerCredentials;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.testing.StandardError;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePrivateIndex;
import io.github.pypimaven.testing.pypi.IndexKind;
import io.github.pypimaven.upload.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Publishing to the self-hosted indexes of the README's table of index kinds, each a {@link FakePrivateIndex} that
 * behaves as that kind does: a settings.xml user name and password as HTTP Basic credentials, {@code checkUrl} read
 * with them on the same host only, the index's own words for a file it already has.
 */
class PrivateIndexTest {

    private static final String USER = "deployer";
    private static final String PASSWORD = "private-index-password-7c1e";
    private static final String SERVER = "settings.xml server 'private'";

    @TempDir
    Path dir;

    private final Publisher publisher = TestServices.publisher();

    static List<IndexKind> kinds() {
        return IndexKind.all();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theAccountPublishesAndTheSimpleApiIsReadWithTheSameLogin(IndexKind kind) throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(kind, 0).uploader(USER, PASSWORD)) {
            List<Path> release = List.of(sdist("X = 1\n"), wheel("X = 1\n"));
            publisher.publish(request(index, release, true, password(USER, PASSWORD)).build());
            assertEquals(2, index.files().size());
            assertTrue(index.uploads().stream().allMatch(r -> r.user().equals(USER) && r.status() == 200),
                    index.requests().toString());

            publisher.publish(request(index, release, true, password(USER, PASSWORD)).build());
            assertEquals(2, index.uploads().size(), "identical files found through checkUrl are not sent again");
            List<FakePrivateIndex.Request> reads = index.requests().stream().filter(r -> r.method().equals("GET"))
                    .toList();
            assertEquals(List.of(404, 200), reads.stream().map(FakePrivateIndex.Request::status).toList());
            assertTrue(reads.stream().allMatch(r -> USER.equals(r.user())), "checkUrl is read with the login");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFileAlreadyThereIsRecognisedInTheIndexsOwnWords(IndexKind kind) throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(kind, 0).uploader(USER, PASSWORD)) {
            publisher.publish(request(index, List.of(wheel("X = 1\n")), false, password(USER, PASSWORD)).build());
            Path changed = wheel("X = 2\n");
            PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(index,
                    List.of(changed), false, password(USER, PASSWORD)).build()));
            assertTrue(e.getMessage().contains("HTTP " + kind.duplicateStatus()), e.getMessage());
            assertTrue(e.getMessage().contains("The index already has a file of this name and does not replace it"),
                    e.getMessage());
            assertEquals(2, index.uploads().size(), "not retried");

            // with checkUrl, the different file stops the release before anything is sent
            PublishException early = assertThrows(PublishException.class, () -> publisher.publish(request(index,
                    List.of(changed), true, password(USER, PASSWORD)).build()));
            assertTrue(early.getMessage().contains(changed.getFileName().toString()), early.getMessage());
            assertEquals(2, index.uploads().size());
        }
    }

    @Test
    void aRefusedLoginNamesTheAccountAndWhereItCameFromNeverThePassword() throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(IndexKind.NEXUS, 0).uploader(USER, PASSWORD)
                .reader("auditor", "auditor-password-1b2f")) {
            PublishException wrong = assertThrows(PublishException.class, () -> publisher.publish(request(index,
                    List.of(wheel("X = 1\n")), false, password(USER, "not-the-password-9d8e")).build()));
            assertTrue(wrong.getMessage().contains("the index refused " + SERVER + " (user 'deployer') (HTTP 401"),
                    wrong.getMessage());
            assertTrue(wrong.getMessage().contains("Check the user name and password in " + SERVER), wrong.getMessage());
            assertFalse(wrong.getMessage().contains("not-the-password-9d8e"));

            PublishException reader = assertThrows(PublishException.class, () -> publisher.publish(request(index,
                    List.of(wheel("X = 1\n")), false, password("auditor", "auditor-password-1b2f")).build()));
            assertTrue(reader.getMessage().contains("(HTTP 403"), reader.getMessage());
            assertTrue(reader.getMessage().contains("may lack the permission to upload"), reader.getMessage());
        }
    }

    @Test
    void aRefusedCheckSaysWhichCredentialsWereUsedAndHowToChangeThem() throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(IndexKind.ARTIFACTORY, 0).uploader(USER, PASSWORD)) {
            PublishRequest request = request(index, List.of(wheel("X = 1\n")), true,
                    password(USER, "wrong-password-3a4b")).build();
            StandardError.Captured check = StandardError.capture(() -> publisher.rehearse(List.of(request),
                    Rehearsal.CHECK));
            assertTrue(check.log().contains("answered HTTP 401 when read with the password of user 'deployer' from "
                    + SERVER), check.log());
            assertTrue(check.log().contains("check the user name and password (" + SERVER), check.log());
            assertFalse(check.log().contains("wrong-password-3a4b"));
            assertEquals(0, index.uploads().size());
        }
    }

    @Test
    void credentialsNeverGoToACheckUrlOnAnotherHost() throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(IndexKind.DEVPI, 0).uploader(USER, PASSWORD);
                FakePrivateIndex mirror = FakePrivateIndex.start(IndexKind.DEVPI, 0).uploader(USER, PASSWORD)) {
            PublishRequest request = request(index, List.of(wheel("X = 1\n")), false, password(USER, PASSWORD))
                    .checkUrl(Optional.of(SecureUrl.parse(mirror.simpleUrl(), "checkUrl", ""))).build();
            StandardError.Captured run = StandardError.capture(() -> publisher.publish(request));
            assertNull(run.failure(), run.log());
            assertEquals(1, mirror.requests().size());
            assertNull(mirror.requests().get(0).user(), "another port is another origin: no credentials");
            assertTrue(run.log().contains("with no credentials (credentials go to the upload URL's host"), run.log());
            assertEquals(1, index.files().size());
        }
    }

    @Test
    void theGitLabJobTokenPublishesToTheJobsOwnProjectRegistryWithoutConfiguration() throws Exception {
        try (FakePrivateIndex gitlab = FakePrivateIndex.start(IndexKind.GITLAB, 0)
                .uploader("gitlab-ci-token", "job-token-5e6f")) {
            Environment job = gitlabJob(gitlab, "42");
            publisher.publish(request(gitlab, List.of(wheel("X = 1\n")), true, new CredentialRequest(
                    TrustedPublishingMode.AUTO, Optional.empty(), "PYPI_API_TOKEN", job)).build());
            assertEquals(1, gitlab.files().size());
            assertTrue(gitlab.requests().stream().allMatch(r -> "gitlab-ci-token".equals(r.user())),
                    gitlab.requests().toString());
        }
    }

    @Test
    void theJobTokenGoesToNoOtherRegistry() throws Exception {
        try (FakePrivateIndex gitlab = FakePrivateIndex.start(IndexKind.GITLAB, 0)
                .uploader("gitlab-ci-token", "job-token-5e6f")) {
            Environment otherProject = gitlabJob(gitlab, "41");
            PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(gitlab,
                    List.of(wheel("X = 1\n")), true, new CredentialRequest(TrustedPublishingMode.AUTO, Optional.empty(),
                            "PYPI_API_TOKEN", otherProject)).build()));
            assertEquals(PublishException.Stage.CREDENTIALS, e.stage());
            assertTrue(e.getMessage().contains("only for this project's own package registry, " + gitlab.baseUrl()
                    + "/api/v4/projects/41/packages/pypi"), e.getMessage());
            assertEquals(0, gitlab.requests().size());
        }
    }

    @Test
    void retryAfterIsHonouredOn503() throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(IndexKind.PYPISERVER, 0).uploader(USER, PASSWORD)
                .answerNextUploads(1, 503, "0")) {
            publisher.publish(request(index, List.of(wheel("X = 1\n")), false, password(USER, PASSWORD)).build());
            assertEquals(List.of(503, 200), index.uploads().stream().map(FakePrivateIndex.Request::status).toList());
        }
    }

    @Test
    @Timeout(60)
    void aLongRetryAfterIsCutToTheCapWithAWarning() throws Exception {
        try (FakePrivateIndex index = FakePrivateIndex.start(IndexKind.NEXUS, 0).uploader(USER, PASSWORD)
                .answerNextUploads(1, 429, "86400")) {
            PublishRequest request = request(index, List.of(wheel("X = 1\n")), false, password(USER, PASSWORD))
                    .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100))).build();
            StandardError.Captured run = StandardError.capture(() -> publisher.publish(request));
            assertNull(run.failure(), run.log());
            assertTrue(run.log().contains("asked to wait 86400 s"), run.log());
            assertTrue(run.log().contains("waiting 0.1 s, the most this plugin waits"), run.log());
            assertEquals(List.of(429, 200), index.uploads().stream().map(FakePrivateIndex.Request::status).toList());
        }
    }

    private static Environment gitlabJob(FakePrivateIndex gitlab, String projectId) {
        return new Environment(Map.of("GITLAB_CI", "true", "CI_API_V4_URL", gitlab.baseUrl() + "/api/v4",
                "CI_PROJECT_ID", projectId, "CI_JOB_TOKEN", "job-token-5e6f"));
    }

    private static CredentialRequest password(String user, String password) {
        return new CredentialRequest(TrustedPublishingMode.AUTO, Optional.of(new ServerCredentials(Optional.of(user),
                password, SERVER)), "UNSET_VARIABLE", new Environment(Map.of()));
    }

    private static PublishRequest.Builder request(FakePrivateIndex index, List<Path> files, boolean checkUrl,
            CredentialRequest credentials) {
        return PublishRequest.builder(files, TestTargets.remote(index.uploadUrl()), credentials)
                .retry(new RetryPolicy(2, Duration.ofMillis(10)))
                .checkUrl(checkUrl ? Optional.of(SecureUrl.parse(index.simpleUrl(), "checkUrl", "")) : Optional.empty());
    }

    private Path wheel(String code) {
        return TestDistributions.wheel("it-pkg", "1.0.0").module("it_pkg/__init__.py", code)
                .writeTo(dir.resolve(String.valueOf(code.hashCode())));
    }

    private Path sdist(String code) {
        return TestDistributions.sdist("it-pkg", "1.0.0").module("it_pkg/__init__.py", code)
                .writeTo(dir.resolve(String.valueOf(code.hashCode())));
    }
}
