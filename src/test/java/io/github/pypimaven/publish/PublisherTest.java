package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.StoredFile;
import io.github.pypimaven.testing.pypi.UploadRequest;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole publishing path against the fake PyPI, which enforces Warehouse's rules. */
class PublisherTest {

    static final String TOKEN = "pypi-test-token-0123456789";

    @TempDir
    Path dir;

    FakePyPI pypi;
    Publisher publisher;

    @BeforeEach
    void start() throws IOException {
        pypi = FakePyPI.start(0).acceptToken(TOKEN);
        publisher = TestServices.publisher();
    }


    @AfterEach
    void stop() {
        pypi.close();
    }

    PublishRequest.Builder request(List<Path> files, String token) {
        return TestServices.withToken(files, TestTargets.remote(pypi.uploadUrl()), token);
    }

    PublishRequest request(List<Path> files) {
        return request(files, TOKEN).build();
    }

    Path wheel() {
        return TestDistributions.wheel("My.Package", "1.0.0").metadataVersion("2.2")
                .field("Summary", "A package").field("Classifier", "Programming Language :: Python :: 3")
                .field("Classifier", "License :: OSI Approved :: MIT License").field("Keywords", "a,b,c")
                .field("Project-URL", "Source, https://example.com/src").field("Requires-Dist", "requests>=2")
                .field("Requires-Python", ">=3.8").description("# Title\n\nText ✓", "text/markdown")
                .module("my_package/__init__.py", "X = 1\n").writeTo(dir.resolve("dist"));
    }

    Path sdist() {
        return TestDistributions.sdist("My.Package", "1.0.0").metadataVersion("2.2").field("Summary", "A package")
                .module("my_package/__init__.py", "X = 1\n").writeTo(dir.resolve("dist"));
    }

    @Test
    void uploadsWheelsFirstWithEveryFieldUnderPyPIsNamesAndTheBytesUnchanged() throws Exception {
        Path sdist = sdist();
        Path wheel = wheel();
        List<PublishedFile> published = publisher.publish(request(List.of(sdist, wheel)));

        assertEquals(List.of(wheel.getFileName().toString(), sdist.getFileName().toString()),
                published.stream().map(PublishedFile::filename).toList());
        List<UploadRequest> uploads = pypi.uploadRequests();
        assertEquals(2, uploads.size());
        assertEquals(wheel.getFileName().toString(), uploads.get(0).contentFilename());

        UploadRequest first = uploads.get(0);
        assertEquals("file_upload", first.value(":action"));
        assertEquals("1", first.value("protocol_version"));
        assertEquals("bdist_wheel", first.value("filetype"));
        assertEquals("py3", first.value("pyversion"));
        assertEquals("2.2", first.value("metadata_version"));
        assertEquals("My.Package", first.value("name"));
        assertEquals("1.0.0", first.value("version"));
        assertEquals("A package", first.value("summary"));
        assertEquals(List.of("Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"),
                first.values("classifiers"));
        assertEquals(List.of("a, b, c"), first.values("keywords"), "one value, as twine sends it");
        assertEquals(List.of("Source, https://example.com/src"), first.values("project_urls"));
        assertEquals(List.of("requests>=2"), first.values("requires_dist"));
        assertEquals(">=3.8", first.value("requires_python"));
        assertEquals("text/markdown", first.value("description_content_type"));
        assertEquals("# Title\n\nText ✓", first.value("description").strip());
        assertFalse(first.hasField("md5_digest"), "md5 only on request");
        assertEquals("__token__", first.authUser());
        assertEquals("application/octet-stream", first.contentType());

        for (Path file : List.of(wheel, sdist)) {
            StoredFile stored = pypi.files().get(file.getFileName().toString());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(stored.path()), "byte-identical on the server");
        }
        assertEquals("source", pypi.files().get(sdist.getFileName().toString()).value("pyversion"));
    }

    @Test
    void sendsMd5WhenAsked() throws Exception {
        publisher.publish(request(List.of(wheel()), TOKEN).md5Digest(true).build());
        UploadRequest upload = pypi.uploadRequests().get(0);
        assertEquals(pypi.files().values().iterator().next().md5(), upload.value("md5_digest"));
        assertEquals(200, upload.status());
    }

    @Test
    void republishingIdenticalFilesSucceeds() throws Exception {
        List<Path> files = List.of(wheel(), sdist());
        publisher.publish(request(files));
        publisher.publish(request(files));
        assertEquals(4, pypi.uploadRequests().size());
        assertEquals(2, pypi.files().size());
    }

    @Test
    void aBadFileMeansNothingIsUploaded() throws Exception {
        Path good = wheel();
        Path bad = TestDistributions.sdist("My.Package", "1.0.0").filename("My.Package-1.0.0.tar.gz").writeTo(dir.resolve("bad"));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(good, bad))));
        assertTrue(e.getMessage().contains("My.Package-1.0.0.tar.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("my_package-1.0.0.tar.gz"), "says the expected name: " + e.getMessage());
        assertTrue(e.getMessage().contains("nothing was uploaded"), e.getMessage());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void aDifferentFileUnderAnExistingNameFailsAndSaysWhatWasUploaded() throws Exception {
        publisher.publish(request(List.of(sdist())));
        Path changed = TestDistributions.sdist("My.Package", "1.0.0").metadataVersion("2.2").field("Summary", "Changed")
                .module("my_package/__init__.py", "X = 2\n").writeTo(dir.resolve("changed"));
        Path wheel = wheel();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(changed, wheel))));
        assertTrue(e.getMessage().contains("File already exists"), e.getMessage());
        assertTrue(e.getMessage().contains("Publish a new version"), e.getMessage());
        assertTrue(e.getMessage().contains("Already uploaded: " + wheel.getFileName()), e.getMessage());
        assertTrue(e.getMessage().contains("Not uploaded: my_package-1.0.0.tar.gz"), e.getMessage());
    }

    @Test
    void aWrongTokenIsExplainedWithoutShowingIt() throws Exception {
        String wrong = "pypi-wrong-token-abcdef";
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(wheel()), wrong).build()));
        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid or non-existent authentication information"), e.getMessage());
        assertTrue(e.getMessage().contains("TestPyPI token does not work on PyPI"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertEquals(1, pypi.uploadRequests().size(), "403 is not retried");
    }

    @Test
    void retriesServerErrorsAndSucceeds() throws Exception {
        pypi.failNextUploads(1, 503, "first byte timeout");
        publisher.publish(request(List.of(wheel())));
        assertEquals(2, pypi.uploadRequests().size());
        assertEquals(1, pypi.files().size());
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo() throws Exception {
        pypi.failNextUploads(5, 502, "Bad gateway");
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(wheel()))));
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was uploaded"), e.getMessage());
    }

    @Test
    void refusesToFollowARedirectAndExplainsTheMissingSlash() throws Exception {
        String noSlash = pypi.uploadUrl().substring(0, pypi.uploadUrl().length() - 1);
        PublishRequest request = request(List.of(wheel()), TOKEN).target(TestTargets.remote(noSlash)).build();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request));
        assertTrue(e.getMessage().contains("missing its trailing slash"), e.getMessage());
        assertTrue(e.getMessage().contains(pypi.uploadUrl()), e.getMessage());
        assertTrue(pypi.files().isEmpty());
    }

    @Test
    void explainsAWrongUrl() throws Exception {
        PublishRequest request = request(List.of(wheel()), TOKEN).target(TestTargets.remote(pypi.baseUrl() + "/simple/")).build();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request));
        assertTrue(e.getMessage().contains("upload URL"), e.getMessage());
    }

    @Test
    void explainsAnUnreachableIndex() throws Exception {
        FakePyPI gone = FakePyPI.start(0);
        int port = gone.port();
        gone.close();
        PublishRequest request = request(List.of(wheel()), TOKEN)
                .target(TestTargets.remote("http://127.0.0.1:" + port + "/legacy/")).build();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
    }

    @Test
    void failsWithoutCredentialsBeforeSendingAnything() throws Exception {
        PublishRequest none = request(List.of(wheel()), TOKEN).credentials(new CredentialRequest(TrustedPublishingMode.NEVER,
                Optional.empty(), "PYPI_API_TOKEN", new Environment(Map.of()))).build();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(none));
        assertTrue(e.getMessage().contains("PYPI_API_TOKEN"), e.getMessage());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void onGitHubActionsASuccessGoesToTheStepSummaryAndAFailureBecomesAnAnnotation() throws Exception {
        Path summary = dir.resolve("summary.md");
        Environment github = new Environment(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()));
        PublishRequest.Builder base = request(List.of(wheel(), sdist()), TOKEN);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        publisher.publish(base.credentials(TestServices.tokenCredentials(TOKEN, github)).build(), stdout);
        String markdown = Files.readString(summary);
        assertTrue(markdown.contains("## Published My.Package 1.0.0 to 127.0.0.1:" + pypi.port()), markdown);
        assertTrue(markdown.contains("| `my_package-1.0.0-py3-none-any.whl` |"), markdown);
        assertTrue(markdown.contains(pypi.files().get("my_package-1.0.0.tar.gz").sha256()), markdown);
        assertEquals("::add-mask::" + TOKEN + "\n", out.toString(java.nio.charset.StandardCharsets.UTF_8),
                "a configured token is masked as minted ones are");
        out.reset();

        PublishRequest badToken = base.credentials(TestServices.tokenCredentials("pypi-bad", github)).build();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(badToken, stdout));
        List<String> commands = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals("::add-mask::pypi-bad", commands.get(0));
        String annotation = commands.get(1);
        assertTrue(annotation.startsWith("::error title=Publishing to 127.0.0.1%3A" + pypi.port() + " failed::Upload of "),
                annotation);
        assertEquals(2, commands.size(), "one annotation line: the message's line breaks are escaped");
        assertTrue(Files.readString(summary).contains("## Publishing to 127.0.0.1:" + pypi.port() + " failed"));
        assertTrue(Files.readString(summary).contains(e.getMessage()));
    }

    @Test
    void aDryRunChecksAndChoosesCredentialsButSendsNothing() throws Exception {
        List<Path> files = List.of(wheel(), sdist());
        assertEquals(List.of(), publisher.publish(request(files, TOKEN).dryRun(true).build()));
        // On GitHub Actions without a token: Trusted Publishing is chosen, but no identity token is asked for.
        Environment github = new Environment(Map.of("GITHUB_ACTIONS", "true", "ACTIONS_ID_TOKEN_REQUEST_URL",
                pypi.baseUrl() + "/never-asked", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token"));
        publisher.publish(request(files, TOKEN).credentials(new CredentialRequest(TrustedPublishingMode.ALWAYS,
                Optional.empty(), "UNSET", github, Optional.of("pypi"))).dryRun(true).build());
        assertEquals(0, pypi.requestCount());

        Path bad = TestDistributions.sdist("My.Package", "1.0.0").filename("My.Package-1.0.0.tar.gz").writeTo(dir.resolve("bad"));
        PublishException e = assertThrows(PublishException.class,
                () -> publisher.publish(request(List.of(bad), TOKEN).dryRun(true).build()));
        assertTrue(e.getMessage().contains("my_package-1.0.0.tar.gz"), e.getMessage());
        e = assertThrows(PublishException.class, () -> publisher.publish(request(files, TOKEN).credentials(
                new CredentialRequest(TrustedPublishingMode.NEVER, Optional.empty(), "UNSET", new Environment(Map.of())))
                .dryRun(true).build()));
        assertTrue(e.getMessage().contains("No credentials") && e.getMessage().contains("Dry run: publishing would fail"),
                e.getMessage());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void anOfflineDryRunDoesNotAskTheIndexEitherAndSaysARealRunWouldFail() throws Exception {
        Optional<SecureUrl> simple = checkUrl(pypi.baseUrl() + "/simple/");
        PublishException offline = assertThrows(PublishException.class, () -> publisher.publish(
                request(List.of(wheel(), sdist()), TOKEN).checkUrl(simple).dryRun(true).offline(true).build()));
        assertTrue(offline.getMessage().contains("Maven is offline (-o)"), offline.getMessage());
        assertEquals(0, pypi.requestCount());
        publisher.publish(request(List.of(wheel(), sdist()), TOKEN).checkUrl(simple).dryRun(true).build());
        assertEquals(1, pypi.requestCount(), "online, the dry run compares the release with the index");
    }

    @Test
    void severalReleasesAreAllCheckedBeforeTheFirstUpload() throws Exception {
        Path other = TestDistributions.wheel("other-package", "2.0").module("other_package/__init__.py", "")
                .writeTo(dir.resolve("other"));
        Path bad = TestDistributions.sdist("third", "3.0").filename("Third-3.0.tar.gz").writeTo(dir.resolve("third"));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publishAll(List.of(
                request(List.of(wheel())), request(List.of(other)), request(List.of(bad)))));
        assertTrue(e.getMessage().contains("Third-3.0.tar.gz"), e.getMessage());
        assertEquals(0, pypi.requestCount(), "the third release's bad file stops the first two as well");

        List<PublishedFile> published = publisher.publishAll(List.of(request(List.of(wheel())), request(List.of(other))));
        assertEquals(List.of("my_package-1.0.0-py3-none-any.whl", "other_package-2.0-py3-none-any.whl"),
                published.stream().map(PublishedFile::filename).toList());
    }

    @Test
    void withACheckUrlIdenticalFilesAreNotSentAgain() throws Exception {
        List<Path> files = List.of(wheel(), sdist());
        Optional<SecureUrl> simple = checkUrl(pypi.baseUrl() + "/simple/");
        publisher.publish(request(files, TOKEN).checkUrl(simple).build());
        assertEquals(2, pypi.uploadRequests().size());

        List<PublishedFile> published = publisher.publish(request(files, TOKEN).checkUrl(simple).build());
        assertEquals(2, pypi.uploadRequests().size(), "nothing sent again");
        assertTrue(published.stream().allMatch(PublishedFile::alreadyPresent));
    }

    @Test
    void withACheckUrlAFileTheIndexHasWithOtherBytesStopsTheReleaseBeforeAnyUpload() throws Exception {
        Path earlier = TestDistributions.sdist("My.Package", "1.0.0").metadataVersion("2.2").field("Summary", "Earlier")
                .module("my_package/__init__.py", "X = 0\n").writeTo(dir.resolve("earlier"));
        publisher.publish(request(List.of(earlier)));
        PublishRequest request = request(List.of(wheel(), sdist()), TOKEN).checkUrl(checkUrl(pypi.baseUrl() + "/simple/"))
                .build();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request));
        assertTrue(e.getMessage().contains("my_package-1.0.0.tar.gz is already on 127.0.0.1 with other content"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was uploaded"), e.getMessage());
        assertEquals(1, pypi.uploadRequests().size(), "the wheel was not sent either");
    }

    @Test
    void anUnreachableCheckUrlOnlyWarns() throws Exception {
        FakePyPI gone = FakePyPI.start(0);
        gone.close();
        publisher.publish(request(List.of(wheel()), TOKEN).checkUrl(checkUrl(gone.baseUrl() + "/simple/")).build());
        assertEquals(1, pypi.files().size());
    }

    private static Optional<SecureUrl> checkUrl(String url) {
        return Optional.of(SecureUrl.parse(url, "checkUrl", ""));
    }

    @Test
    void takesTheTokenFromTheNamedEnvironmentVariable() throws Exception {
        publisher.publish(request(List.of(wheel()), TOKEN).credentials(new CredentialRequest(TrustedPublishingMode.NEVER,
                Optional.empty(), "MY_TOKEN", new Environment(Map.of("MY_TOKEN", TOKEN + "\n")))).build());
        assertEquals(1, pypi.files().size());
    }
}
