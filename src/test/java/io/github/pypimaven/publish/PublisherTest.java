package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.StaticToken;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.distribution.DistributionValidator;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.trust.TrustedPublishing;
import io.github.pypimaven.index.SimpleIndexClient;
import io.github.pypimaven.index.LocalIndex;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.StoredFile;
import io.github.pypimaven.testing.pypi.UploadRequest;
import io.github.pypimaven.upload.RepositoryUrl;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        publisher = newPublisher();
    }

    static Publisher newPublisher() {
        return new Publisher(new ReleaseChecker(new DistributionReader(), new DistributionValidator()), new CredentialResolver(new TrustedPublishing()),
                new UploadClient(), new HttpClientFactory(), new LocalIndex(), new SimpleIndexClient());
    }

    @AfterEach
    void stop() {
        pypi.close();
    }

    PublishRequest request(List<Path> files, String token) {
        return new PublishRequest(files, RepositoryUrl.parse(pypi.uploadUrl(), dir),
                new CredentialRequest(TrustedPublishingMode.NEVER, Optional.of(new StaticToken(token, "test")), "UNSET_VARIABLE",
                        new Environment(Map.of())),
                false, new RetryPolicy(2, Duration.ofMillis(10)), HttpSettings.defaults());
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
        List<PublishedFile> published = publisher.publish(request(List.of(sdist, wheel), TOKEN));

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
        PublishRequest base = request(List.of(wheel()), TOKEN);
        publisher.publish(new PublishRequest(base.files(), base.repository(), base.credentials(), true, base.retry(), base.http()));
        UploadRequest upload = pypi.uploadRequests().get(0);
        assertEquals(pypi.files().values().iterator().next().md5(), upload.value("md5_digest"));
        assertEquals(200, upload.status());
    }

    @Test
    void republishingIdenticalFilesSucceeds() throws Exception {
        List<Path> files = List.of(wheel(), sdist());
        publisher.publish(request(files, TOKEN));
        publisher.publish(request(files, TOKEN));
        assertEquals(4, pypi.uploadRequests().size());
        assertEquals(2, pypi.files().size());
    }

    @Test
    void aBadFileMeansNothingIsUploaded() throws Exception {
        Path good = wheel();
        Path bad = TestDistributions.sdist("My.Package", "1.0.0").filename("My.Package-1.0.0.tar.gz").writeTo(dir.resolve("bad"));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(good, bad), TOKEN)));
        assertTrue(e.getMessage().contains("My.Package-1.0.0.tar.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("my_package-1.0.0.tar.gz"), "says the expected name: " + e.getMessage());
        assertTrue(e.getMessage().contains("nothing was uploaded"), e.getMessage());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void aDifferentFileUnderAnExistingNameFailsAndSaysWhatWasUploaded() throws Exception {
        publisher.publish(request(List.of(sdist()), TOKEN));
        Path changed = TestDistributions.sdist("My.Package", "1.0.0").metadataVersion("2.2").field("Summary", "Changed")
                .module("my_package/__init__.py", "X = 2\n").writeTo(dir.resolve("changed"));
        Path wheel = wheel();
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(changed, wheel), TOKEN)));
        assertTrue(e.getMessage().contains("File already exists"), e.getMessage());
        assertTrue(e.getMessage().contains("Publish a new version"), e.getMessage());
        assertTrue(e.getMessage().contains("Already uploaded: " + wheel.getFileName()), e.getMessage());
        assertTrue(e.getMessage().contains("Not uploaded: my_package-1.0.0.tar.gz"), e.getMessage());
    }

    @Test
    void aWrongTokenIsExplainedWithoutShowingIt() throws Exception {
        String wrong = "pypi-wrong-token-abcdef";
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(wheel()), wrong)));
        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid or non-existent authentication information"), e.getMessage());
        assertTrue(e.getMessage().contains("TestPyPI token does not work on PyPI"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertEquals(1, pypi.uploadRequests().size(), "403 is not retried");
    }

    @Test
    void retriesServerErrorsAndSucceeds() throws Exception {
        pypi.failNextUploads(1, 503, "first byte timeout");
        publisher.publish(request(List.of(wheel()), TOKEN));
        assertEquals(2, pypi.uploadRequests().size());
        assertEquals(1, pypi.files().size());
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo() throws Exception {
        pypi.failNextUploads(5, 502, "Bad gateway");
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(List.of(wheel()), TOKEN)));
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was uploaded"), e.getMessage());
    }

    @Test
    void refusesToFollowARedirectAndExplainsTheMissingSlash() throws Exception {
        String noSlash = pypi.uploadUrl().substring(0, pypi.uploadUrl().length() - 1);
        PublishRequest base = request(List.of(wheel()), TOKEN);
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(new PublishRequest(base.files(),
                RepositoryUrl.parse(noSlash, dir), base.credentials(), false, base.retry(), base.http())));
        assertTrue(e.getMessage().contains("missing its trailing slash"), e.getMessage());
        assertTrue(e.getMessage().contains(pypi.uploadUrl()), e.getMessage());
        assertTrue(pypi.files().isEmpty());
    }

    @Test
    void explainsAWrongUrl() throws Exception {
        PublishRequest base = request(List.of(wheel()), TOKEN);
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(new PublishRequest(base.files(),
                RepositoryUrl.parse(pypi.baseUrl() + "/simple/", dir), base.credentials(), false, base.retry(), base.http())));
        assertTrue(e.getMessage().contains("upload URL"), e.getMessage());
    }

    @Test
    void explainsAnUnreachableIndex() throws Exception {
        FakePyPI gone = FakePyPI.start(0);
        int port = gone.port();
        gone.close();
        PublishRequest base = request(List.of(wheel()), TOKEN);
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(new PublishRequest(base.files(),
                RepositoryUrl.parse("http://127.0.0.1:" + port + "/legacy/", dir), base.credentials(), false, base.retry(),
                base.http())));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
    }

    @Test
    void failsWithoutCredentialsBeforeSendingAnything() throws Exception {
        PublishRequest base = request(List.of(wheel()), TOKEN);
        PublishRequest none = new PublishRequest(base.files(), base.repository(), new CredentialRequest(TrustedPublishingMode.NEVER,
                Optional.empty(), "PYPI_API_TOKEN", new Environment(Map.of())), false, base.retry(), base.http());
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(none));
        assertTrue(e.getMessage().contains("PYPI_API_TOKEN"), e.getMessage());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void onGitHubActionsASuccessGoesToTheStepSummaryAndAFailureBecomesAnAnnotation() throws Exception {
        Path summary = dir.resolve("summary.md");
        Environment github = new Environment(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()));
        PublishRequest base = request(List.of(wheel(), sdist()), TOKEN);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        publisher.publish(new PublishRequest(base.files(), base.repository(), new CredentialRequest(TrustedPublishingMode.NEVER,
                base.credentials().settingsToken(), "UNSET", github), false, base.retry(), base.http()), stdout);
        String markdown = Files.readString(summary);
        assertTrue(markdown.contains("## Published My.Package 1.0.0 to 127.0.0.1:" + pypi.port()), markdown);
        assertTrue(markdown.contains("| `my_package-1.0.0-py3-none-any.whl` |"), markdown);
        assertTrue(markdown.contains(pypi.files().get("my_package-1.0.0.tar.gz").sha256()), markdown);
        assertEquals("", out.toString(java.nio.charset.StandardCharsets.UTF_8), "a static token needs no mask command");

        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(new PublishRequest(base.files(),
                base.repository(), new CredentialRequest(TrustedPublishingMode.NEVER, Optional.of(new StaticToken("pypi-bad", "t")),
                        "UNSET", github), false, base.retry(), base.http()), stdout));
        String annotation = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(annotation.startsWith("::error title=Publishing to 127.0.0.1%3A" + pypi.port() + " failed::Upload of "),
                annotation);
        assertEquals(1, annotation.lines().count(), "one line: the message's line breaks are escaped");
        assertTrue(Files.readString(summary).contains("## Publishing to 127.0.0.1:" + pypi.port() + " failed"));
        assertTrue(Files.readString(summary).contains(e.getMessage()));
    }

    @Test
    void aDryRunChecksAndChoosesCredentialsButSendsNothing() throws Exception {
        PublishRequest base = request(List.of(wheel(), sdist()), TOKEN);
        assertEquals(List.of(), publisher.publish(base.asDryRun()));
        // On GitHub Actions without a token: Trusted Publishing is chosen, but no identity token is asked for.
        Environment github = new Environment(Map.of("GITHUB_ACTIONS", "true"));
        publisher.publish(new PublishRequest(base.files(), base.repository(), new CredentialRequest(TrustedPublishingMode.AUTO,
                Optional.empty(), "UNSET", github), false, base.retry(), base.http()).asDryRun());
        assertEquals(0, pypi.requestCount());

        Path bad = TestDistributions.sdist("My.Package", "1.0.0").filename("My.Package-1.0.0.tar.gz").writeTo(dir.resolve("bad"));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(new PublishRequest(List.of(bad),
                base.repository(), base.credentials(), false, base.retry(), base.http()).asDryRun()));
        assertTrue(e.getMessage().contains("my_package-1.0.0.tar.gz"), e.getMessage());
        e = assertThrows(PublishException.class, () -> publisher.publish(new PublishRequest(base.files(), base.repository(),
                new CredentialRequest(TrustedPublishingMode.NEVER, Optional.empty(), "UNSET", new Environment(Map.of())),
                false, base.retry(), base.http()).asDryRun()));
        assertTrue(e.getMessage().contains("No credentials") && e.getMessage().contains("dry run"), e.getMessage());
        assertEquals(0, pypi.requestCount());
    }

    @Test
    void severalReleasesAreAllCheckedBeforeTheFirstUpload() throws Exception {
        Path other = TestDistributions.wheel("other-package", "2.0").module("other_package/__init__.py", "")
                .writeTo(dir.resolve("other"));
        Path bad = TestDistributions.sdist("third", "3.0").filename("Third-3.0.tar.gz").writeTo(dir.resolve("third"));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publishAll(List.of(
                request(List.of(wheel()), TOKEN), request(List.of(other), TOKEN), request(List.of(bad), TOKEN))));
        assertTrue(e.getMessage().contains("Third-3.0.tar.gz"), e.getMessage());
        assertEquals(0, pypi.requestCount(), "the third release's bad file stops the first two as well");

        List<PublishedFile> published = publisher.publishAll(List.of(request(List.of(wheel()), TOKEN), request(List.of(other), TOKEN)));
        assertEquals(List.of("my_package-1.0.0-py3-none-any.whl", "other_package-2.0-py3-none-any.whl"),
                published.stream().map(PublishedFile::filename).toList());
    }

    @Test
    void withACheckUrlIdenticalFilesAreNotSentAgain() throws Exception {
        List<Path> files = List.of(wheel(), sdist());
        java.net.URI simple = URI.create(pypi.baseUrl() + "/simple/");
        publisher.publish(request(files, TOKEN).withCheckUrl(simple));
        assertEquals(2, pypi.uploadRequests().size());

        List<PublishedFile> published = publisher.publish(request(files, TOKEN).withCheckUrl(simple));
        assertEquals(2, pypi.uploadRequests().size(), "nothing sent again");
        assertTrue(published.stream().allMatch(PublishedFile::alreadyPresent));
    }

    @Test
    void withACheckUrlAFileTheIndexHasWithOtherBytesStopsTheReleaseBeforeAnyUpload() throws Exception {
        Path earlier = TestDistributions.sdist("My.Package", "1.0.0").metadataVersion("2.2").field("Summary", "Earlier")
                .module("my_package/__init__.py", "X = 0\n").writeTo(dir.resolve("earlier"));
        publisher.publish(request(List.of(earlier), TOKEN));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(
                request(List.of(wheel(), sdist()), TOKEN).withCheckUrl(URI.create(pypi.baseUrl() + "/simple/"))));
        assertTrue(e.getMessage().contains("my_package-1.0.0.tar.gz is already on 127.0.0.1 with other content"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was uploaded"), e.getMessage());
        assertEquals(1, pypi.uploadRequests().size(), "the wheel was not sent either");
    }

    @Test
    void anUnreachableCheckUrlOnlyWarns() throws Exception {
        FakePyPI gone = FakePyPI.start(0);
        gone.close();
        publisher.publish(request(List.of(wheel()), TOKEN).withCheckUrl(URI.create(gone.baseUrl() + "/simple/")));
        assertEquals(1, pypi.files().size());
    }

    @Test
    void takesTheTokenFromTheNamedEnvironmentVariable() throws Exception {
        PublishRequest base = request(List.of(wheel()), TOKEN);
        publisher.publish(new PublishRequest(base.files(), base.repository(), new CredentialRequest(TrustedPublishingMode.NEVER,
                Optional.empty(), "MY_TOKEN", new Environment(Map.of("MY_TOKEN", TOKEN + "\n"))), false, base.retry(), base.http()));
        assertEquals(1, pypi.files().size());
    }
}
