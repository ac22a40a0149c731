package io.github.pypimaven.testing.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.github.pypimaven.testing.pypi.TestUpload.assertRejected;
import static io.github.pypimaven.testing.pypi.TestUpload.basic;
import static io.github.pypimaven.testing.pypi.TestUpload.code;

import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.testing.TestDistributions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakePyPITest {

    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcCJGZha2UtdG9rZW4";
    private static final String METADATA_HELP = " See https://packaging.python.org/specifications/core-metadata for more information.";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private FakePyPI pypi;

    @BeforeEach
    void start() throws IOException {
        pypi = FakePyPI.start(0).acceptToken(TOKEN);
    }

    @AfterEach
    void stop() {
        pypi.close();
    }

    // --- request building -------------------------------------------------------------------------------------------

    private TestUpload upload(String name, String version, String filetype, String filename, byte[] bytes) {
        return TestUpload.file(pypi, http, TOKEN, name, version, filetype, filename, bytes);
    }

    /** The form's metadata, and the wheel's: metadata 2.1, name tiny-demo. */
    private static TestDistributions.Builder tinyWheel(String version) {
        return TestDistributions.wheel("tiny-demo", version).field("Summary", "A tiny test distribution");
    }

    private static TestDistributions.Builder tinySdist(String version) {
        return TestDistributions.sdist("tiny-demo", version).field("Summary", "A tiny test distribution");
    }

    private TestUpload wheelUpload(String version) {
        return upload("tiny-demo", version, "bdist_wheel", "tiny_demo-" + version + "-py3-none-any.whl",
                tinyWheel(version).toBytes());
    }

    /** The archive is a valid sdist whatever the filename: its top directory is that of the version. */
    private TestUpload sdistUpload(String version, String filename) {
        return upload("tiny-demo", version, "sdist", filename, tinySdist(version).toBytes());
    }

    private static FileDigests.Values digests(byte[] bytes) {
        try {
            return FileDigests.read(new ByteArrayInputStream(bytes), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return digests(bytes).sha256();
    }

    private UploadRequest lastRequest() {
        List<UploadRequest> all = pypi.uploadRequests();
        return all.get(all.size() - 1);
    }

    // --- accepted uploads ---------------------------------------------------------------------------------------

    @Test
    void storesAnAcceptedWheelByteForByteAndRecordsTheRequest() throws Exception {
        TestUpload upload = wheelUpload("1.0.0").field("unknown_field", "kept in the record").field("classifiers", "A")
                .field("classifiers", "B");
        HttpResponse<String> response = upload.send();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("", response.body());
        StoredFile stored = pypi.files().get(upload.filename);
        assertArrayEquals(upload.content, Files.readAllBytes(stored.path()));
        assertEquals(pypi.storageDir().resolve(upload.filename), stored.path());
        assertEquals(sha256(upload.content), stored.sha256());
        assertEquals(digests(upload.content).md5().orElseThrow(), stored.md5());
        assertEquals(upload.content.length, stored.size());
        assertEquals(List.of("A", "B"), stored.values("classifiers"));
        assertEquals("tiny-demo", stored.name());

        UploadRequest request = lastRequest();
        assertEquals(200, request.status());
        assertEquals("POST", request.method());
        assertEquals("/legacy/", request.path());
        assertEquals("__token__", request.authUser());
        assertEquals(TOKEN, request.tokenUsed());
        assertEquals("<redacted>", request.headers().get("authorization"));
        assertEquals("kept in the record", request.value("unknown_field"));
        assertEquals(upload.filename, request.contentFilename());
        assertEquals("application/octet-stream", request.contentType());
        assertEquals(upload.content.length, request.contentLength());
        assertFalse(request.toString().contains(TOKEN), request.toString());
        assertEquals(1, pypi.requestCount());
    }

    @Test
    void identicalReuploadIsAcceptedAndChangesNothing() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        assertEquals(200, upload.send().statusCode());
        HttpResponse<String> again = upload.send();

        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, pypi.files().size());
        assertEquals(List.of(upload.filename), listStorage());
        assertTrue(lastRequest().message().contains("identical"), lastRequest().message());
    }

    @Test
    void sdistAndWheelOfOneReleaseAreBothAccepted() throws Exception {
        assertEquals(200, wheelUpload("1.0.0").send().statusCode());
        HttpResponse<String> sdist = sdistUpload("1.0.0", "tiny_demo-1.0.0.tar.gz").send();

        assertEquals(200, sdist.statusCode(), sdist.body());
        assertEquals(List.of("tiny_demo-1.0.0-py3-none-any.whl", "tiny_demo-1.0.0.tar.gz"), List.copyOf(pypi.files().keySet()));
    }

    @Test
    void dropsUnknownPlaceholderValues() throws Exception {
        HttpResponse<String> response = wheelUpload("1.0.0").field("license", "UNKNOWN").field("license_expression", "MIT")
                .send();
        // license_expression is refused for metadata 2.1, but "license" (UNKNOWN) was dropped before any check.
        assertRejected(response, 400, "license-expression introduced in metadata version 2.4, not 2.1." + METADATA_HELP);
        assertFalse(lastRequest().hasField("license"));
    }

    // --- duplicates -------------------------------------------------------------------------------------------------

    @Test
    void sameFilenameWithDifferentBytesIsRefused() throws Exception {
        assertEquals(200, wheelUpload("1.0.0").send().statusCode());
        byte[] other = tinyWheel("1.0.0").description("changed\n", null).toBytes();
        TestUpload changed = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", other);

        assertRejected(changed.send(), 400, "File already exists ('tiny_demo-1.0.0-py3-none-any.whl', with blake2_256 hash '"
                + sha256(other) + "'). See https://pypi.org/help/#file-name-reuse for more information.");
        assertArrayEquals(wheelUpload("1.0.0").content, Files.readAllBytes(pypi.files().get(changed.filename).path()));
    }

    @Test
    void sameBytesUnderAnotherFilenameAreRefused() throws Exception {
        TestUpload first = wheelUpload("1.0.0");
        assertEquals(200, first.send().statusCode());
        TestUpload renamed = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py2.py3-none-any.whl", first.content);

        assertRejected(renamed.send(), 400, "File already exists ('tiny_demo-1.0.0-py2.py3-none-any.whl', with blake2_256 hash '"
                + sha256(first.content) + "'). See https://pypi.org/help/#file-name-reuse for more information.");
    }

    @Test
    void onlyOneSdistPerReleaseComparingVersionsAsPep440() throws Exception {
        assertEquals(200, sdistUpload("1.0.0", "tiny_demo-1.0.0.tar.gz").send().statusCode());

        assertRejected(sdistUpload("1.0", "tiny_demo-1.0.tar.gz").send(), 400, "Only one sdist may be uploaded per release.");
        assertEquals(1, pypi.files().size());
    }

    // --- authentication ---------------------------------------------------------------------------------------------

    @Test
    void unknownTokenIsForbidden() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        upload.authorization = basic("__token__", "pypi-not-a-known-token");

        assertRejected(upload.send(), 403, "Invalid or non-existent authentication information. "
                + "See https://pypi.org/help/#invalid-auth for more information.");
        assertEquals("pypi-not-a-known-token", lastRequest().tokenUsed());
        assertTrue(pypi.files().isEmpty());
    }

    @Test
    void missingAuthenticationIsForbidden() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        upload.authorization = null;

        assertRejected(upload.send(), 403, "Invalid or non-existent authentication information. "
                + "See https://pypi.org/help/#invalid-auth for more information.");
        assertNull(lastRequest().authUser());
    }

    @Test
    void usernameAndPasswordAreForbidden() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        upload.authorization = basic("alice", TOKEN);

        assertRejected(upload.send(), 403, "Username/Password authentication is no longer supported. Migrate to API "
                + "Tokens or Trusted Publishers instead. See https://pypi.org/help/#apitoken and "
                + "https://pypi.org/help/#trusted-publishers");
        assertEquals("alice", lastRequest().authUser());
    }

    @Test
    void expiredTokenIsForbiddenAndAFreshOneWorks() throws Exception {
        pypi.acceptToken("pypi-minted-old", Instant.now().minusSeconds(1))
                .acceptToken("pypi-minted-new", Instant.now().plusSeconds(900));
        TestUpload upload = wheelUpload("1.0.0");
        upload.authorization = basic("__token__", "pypi-minted-old");
        assertRejected(upload.send(), 403, "Invalid API Token: token is expired");

        upload.authorization = basic("__token__", "pypi-minted-new");
        assertEquals(200, upload.send().statusCode());
    }

    @Test
    void acceptsTheMacaroonAuthorizationSchemes() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        upload.authorization = "token " + TOKEN;
        assertEquals(200, upload.send().statusCode());
    }

    // --- form and metadata ------------------------------------------------------------------------------------------

    @Test
    void wrongDigestIsRefused() throws Exception {
        TestUpload upload = wheelUpload("1.0.0").set("sha256_digest", sha256(new byte[] {1}));

        assertRejected(upload.send(), 400, "The digest supplied does not match a digest calculated from the uploaded file.");
        assertTrue(pypi.files().isEmpty());
    }

    @Test
    void atLeastOneDigestIsRequiredAndBlake2IsRecordedUnverified() throws Exception {
        TestUpload upload = wheelUpload("1.0.0").without("sha256_digest").without("md5_digest");
        assertRejected(upload.send(), 400, "Error: Include at least one message digest.");

        String blake2 = "ab".repeat(32);
        assertEquals(200, upload.field("blake2_256_digest", blake2).send().statusCode());
        assertEquals(blake2, pypi.files().get(upload.filename).value("blake2_256_digest"));
    }

    @Test
    void fieldNewerThanTheMetadataVersionIsRefused() throws Exception {
        assertRejected(wheelUpload("1.0.0").set("metadata_version", "1.2").field("description_content_type", "text/markdown")
                .send(), 400, "description-content-type introduced in metadata version 2.1, not 1.2." + METADATA_HELP);
        assertRejected(wheelUpload("1.0.0").field("license_file", "LICENSE").send(), 400,
                "license-file introduced in metadata version 2.4, not 2.1." + METADATA_HELP);
    }

    @Test
    void unsupportedMetadataVersionIsRefused() throws Exception {
        assertRejected(wheelUpload("1.0.0").set("metadata_version", "2.6").send(), 400,
                "'2.6' is not a valid metadata version." + METADATA_HELP);
    }

    @Test
    void repeatedKeywordsAreRefused() throws Exception {
        assertRejected(wheelUpload("1.0.0").field("keywords", "a").field("keywords", "b").send(), 400,
                "'keywords' has invalid data." + METADATA_HELP);
    }

    @Test
    void localVersionIsRefused() throws Exception {
        assertRejected(wheelUpload("1.0.0").set("version", "1.0.0+local").send(), 400,
                "The use of local versions in '1.0.0+local' is not allowed. See https://packaging.python.org/en/latest/"
                + "specifications/version-specifiers/#local-version-identifiers for more information.");
    }

    @Test
    void invalidNameAndOtherMetadataRulesAreRefused() throws Exception {
        assertRejected(wheelUpload("1.0.0").set("name", "-bad-").send(), 400, "'-bad-' is an invalid value for Name. "
                + "Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'."
                + METADATA_HELP);
        assertRejected(wheelUpload("1.0.0").field("summary", "x".repeat(513)).without("summary")
                .field("summary", "x".repeat(513)).send(), 400, "'summary' field must be 512 characters or less." + METADATA_HELP);
        assertRejected(wheelUpload("1.0.0").field("requires_dist", "foo @ https://example.com/foo.whl").send(), 400,
                "Can't have direct dependency: foo@ https://example.com/foo.whl." + METADATA_HELP);
        assertRejected(wheelUpload("1.0.0").field("project_urls", "A label much longer than thirty-two chars, https://x.org")
                .send(), 400, "'A label much longer than thirty-two chars' must be 32 characters or less." + METADATA_HELP);
        assertRejected(wheelUpload("1.0.0").set("metadata_version", "2.4").field("license", "MIT")
                .field("license_expression", "MIT").send(), 400, "License is deprecated when License-Expression is present. "
                + "Only License-Expression should be present." + METADATA_HELP);
        assertRejected(wheelUpload("1.0.0").set("protocol_version", "2").send(), 400, "Unknown protocol version.");
        assertRejected(wheelUpload("1.0.0").set("filetype", "bdist_egg").send(), 400,
                "Invalid value for filetype. Error: Use a known file type.");
        assertRejected(wheelUpload("1.0.0").without("pyversion").send(), 400,
                "Invalid value for pyversion. Error: Python version is required for binary distribution uploads.");
    }

    @Test
    void textFieldSentAsFileIsRefused() throws Exception {
        assertRejected(wheelUpload("1.0.0").without("summary").fileField("summary", "hello", "summary.txt").send(), 400,
                "summary: Should not be a tuple.");
    }

    // --- the file ---------------------------------------------------------------------------------------------------

    @Test
    void sdistFilenameMustBeNormalized() throws Exception {
        assertRejected(sdistUpload("1.0.0", "Tiny-Demo-1.0.0.tar.gz").send(), 400,
                "Filename 'Tiny-Demo-1.0.0.tar.gz' is invalid, should be 'tiny_demo-1.0.0.tar.gz'.");
        assertRejected(sdistUpload("1.0.0", "other-1.0.0.tar.gz").send(), 400,
                "Start filename for 'tiny-demo' with 'tiny_demo'.");
    }

    @Test
    void wheelNameMustBeNormalized() throws Exception {
        // The dist-info directory follows the file name: Tiny_Demo-1.0.0.dist-info.
        byte[] wheel = tinyWheel("1.0.0").filename("Tiny_Demo-1.0.0-py3-none-any.whl").toBytes();
        TestUpload upload = upload("tiny-demo", "1.0.0", "bdist_wheel", "Tiny_Demo-1.0.0-py3-none-any.whl", wheel);

        assertRejected(upload.send(), 400, "Filename 'Tiny_Demo-1.0.0-py3-none-any.whl' should contain the normalized "
                + "project name 'tiny_demo', not 'Tiny_Demo'.");
    }

    @Test
    void wheelVersionAndPlatformAreChecked() throws Exception {
        TestUpload upload = wheelUpload("1.0.0").set("version", "1.0.1");
        assertRejected(upload.send(), 400, "Version in filename should be '1.0.1' not '1.0.0'.");

        byte[] wheel = tinyWheel("1.0.0").toBytes();
        TestUpload linux = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-cp312-cp312-linux_x86_64.whl", wheel);
        assertRejected(linux.send(), 400, "Binary wheel 'tiny_demo-1.0.0-cp312-cp312-linux_x86_64.whl' has an unsupported "
                + "platform tag 'linux_x86_64'.");
        // PEP 440 equality, as on PyPI: the filename's 1.0.0 is the form's 1.0.
        assertEquals(200, wheelUpload("1.0.0").set("version", "1.0").send().statusCode());
    }

    @Test
    void wheelWithoutMetadataIsRefused() throws Exception {
        byte[] wheel = tinyWheel("1.0.0").withoutMetadata().toBytes();
        TestUpload upload = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", wheel);

        assertRejected(upload.send(), 400, "Wheel 'tiny_demo-1.0.0-py3-none-any.whl' does not contain the required "
                + "METADATA file: tiny_demo-1.0.0.dist-info/METADATA");
    }

    @Test
    void wheelWithoutWheelFileOrRecordIsRefused() throws Exception {
        byte[] noWheel = tinyWheel("1.0.0").withoutWheelFile().toBytes();
        assertRejected(upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", noWheel).send(), 400,
                "Invalid distribution file. WHEEL not found at tiny_demo-1.0.0.dist-info/WHEEL");
        byte[] noRecord = tinyWheel("1.0.0").withoutRecord().toBytes();
        assertRejected(upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", noRecord).send(), 400,
                "Wheel 'tiny_demo-1.0.0-py3-none-any.whl' does not contain the required RECORD file: "
                + "tiny_demo-1.0.0.dist-info/RECORD");
    }

    @Test
    void wheelWithDataDescriptorsIsRefused() throws Exception {
        byte[] wheel = tinyWheel("1.0.0").withDataDescriptors().toBytes();
        TestUpload upload = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", wheel);

        assertRejected(upload.send(), 400, "Invalid distribution file. ZIP archive not accepted: ZIP contains a data "
                + "descriptor. See https://docs.pypi.org/archives for more information");
    }

    @Test
    void zipWithTrailingDataIsRefused() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        byte[] padded = java.util.Arrays.copyOf(upload.content, upload.content.length + 3);
        TestUpload trailing = upload("tiny-demo", "1.0.0", "bdist_wheel", upload.filename, padded);

        assertRejected(trailing.send(), 400, "Invalid distribution file. ZIP archive not accepted: Trailing data. "
                + "See https://docs.pypi.org/archives for more information");
    }

    @Test
    void sdistNeedsOneTopLevelDirectoryWithPkgInfo() throws Exception {
        assertRejected(upload("tiny-demo", "1.0.0", "sdist", "tiny_demo-1.0.0.tar.gz", new byte[] {1, 2, 3}).send(), 400,
                "Invalid distribution file. None");
        byte[] wheelBytes = wheelUpload("1.0.0").content;
        assertRejected(upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0.tar.gz", wheelBytes).send(), 400,
                "Invalid file extension: Extension .tar.gz is invalid for filetype bdist_wheel. "
                + "See https://www.python.org/dev/peps/pep-0527 for more information.");
    }

    @Test
    void sdistArchiveRulesFollowWarehouse() throws Exception {
        String filename = "tiny_demo-1.0.0.tar.gz";
        assertRejected(upload("tiny-demo", "1.0.0", "sdist", filename, tinySdist("1.0.0").twoTopLevelDirs().toBytes())
                .send(), 400, "Invalid distribution file. Incorrect number of top-level directories in sdist");
        assertRejected(upload("tiny-demo", "1.0.0", "sdist", filename, tinySdist("1.0.0").withoutMetadata().toBytes())
                .send(), 400, "Invalid distribution file. PKG-INFO not found at tiny_demo-1.0.0/PKG-INFO");
        assertRejected(upload("tiny-demo", "1.0.0", "sdist", filename, tinySdist("1.0.0").withSparseMember().toBytes())
                .send(), 400, "Invalid distribution file. tar archive not accepted: Sparse members are not allowed. "
                + "See https://docs.pypi.org/archives for more information");
        assertRejected(upload("tiny-demo", "1.0.0", "sdist", filename, gzip("not a tar archive\n".repeat(100))).send(),
                400, "Invalid distribution file. None");
        assertTrue(pypi.files().isEmpty());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void contentMustBeAFileThatIsNotAnImage() throws Exception {
        TestUpload image = wheelUpload("1.0.0");
        image.contentType = "image/png";
        assertRejected(image.send(), 400, "Invalid distribution file.");

        TestUpload none = wheelUpload("1.0.0");
        none.content = null;
        assertRejected(none.send(), 400, "Upload payload does not have a file.");
    }

    @Test
    void fileLargerThanTheLimitIsRefused() throws Exception {
        pypi.maxFileSize(2 * FakePyPI.ONE_MIB);
        Random random = new Random(42);
        byte[] big = new byte[3 * 1024 * 1024];
        random.nextBytes(big);
        TestUpload upload = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", big);

        assertRejected(upload.send(), 400, "File too large. Limit for project 'tiny-demo' is 2 MB. See "
                + "https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase "
                + "for more information.");
        assertEquals(big.length, lastRequest().contentLength());
        assertEquals(sha256(big), lastRequest().sha256());
    }

    @Test
    void streamsLargeFilesWithBoundaryLookalikesIntact() throws Exception {
        // 5 MiB of random bytes sprinkled with partial boundaries, stored inside a STORED wheel entry.
        Random random = new Random(7);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (payload.size() < 5 * 1024 * 1024) {
            byte[] chunk = new byte[random.nextInt(70_000)];
            random.nextBytes(chunk);
            payload.writeBytes(chunk);
            TestUpload.write(payload, "\r\n--fakepypi-test-boundary-7MA4YWxkTrZu0g".substring(0, 1 + random.nextInt(40)));
        }
        byte[] wheel = tinyWheel("1.0.0").module("tiny/blob.bin", payload.toByteArray()).stored().toBytes();
        assertTrue(new String(wheel, StandardCharsets.ISO_8859_1).contains(payload.toString(StandardCharsets.ISO_8859_1)),
                "the payload is stored verbatim, boundary lookalikes included");
        TestUpload upload = upload("tiny-demo", "1.0.0", "bdist_wheel", "tiny_demo-1.0.0-py3-none-any.whl", wheel);

        assertEquals(200, upload.send().statusCode(), lastRequest().message());
        assertArrayEquals(wheel, Files.readAllBytes(pypi.files().get(upload.filename).path()));
    }

    // --- routing, errors and failures ---------------------------------------------------------------------------

    @Test
    void legacyWithoutSlashIsRedirectedAndNothingIsStored() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        upload.path = "/legacy";
        HttpResponse<String> response = upload.send();

        assertEquals(308, response.statusCode());
        assertEquals(pypi.uploadUrl(), response.headers().firstValue("Location").orElseThrow());
        assertEquals(308, lastRequest().status());
        assertTrue(pypi.files().isEmpty());
    }

    @Test
    void postWithoutActionGetsTheHtmlApiPage() throws Exception {
        HttpResponse<String> response = wheelUpload("1.0.0").without(":action").send();

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("API endpoint"), response.body());
        assertTrue(pypi.files().isEmpty());
        assertEquals(1, pypi.uploadRequests().size());
    }

    @Test
    void actionInTheQueryStringIsHonouredAndOldActionsAreGone() throws Exception {
        TestUpload upload = wheelUpload("1.0.0").without(":action");
        upload.path = "/legacy/?:action=file_upload";
        assertEquals(200, upload.send().statusCode());

        assertRejected(wheelUpload("1.0.0").set(":action", "submit").send(), 410,
                "Project pre-registration is no longer required or supported, upload your files instead.");
    }

    @Test
    void wrongMethodsAndPaths() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(pypi.uploadUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());

        TestUpload simple = wheelUpload("1.0.0");
        simple.path = "/simple/";
        assertEquals(405, simple.send().statusCode());
        simple.path = "/nowhere/";
        assertEquals(404, simple.send().statusCode());
        assertEquals(3, pypi.requestCount());
        assertEquals(1, pypi.uploadRequests().size());
    }

    @Test
    void errorBodyFollowsTheAcceptHeader() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        upload.authorization = null;
        String message = "Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth "
                + "for more information.";

        HttpResponse<String> json = upload.send();
        assertTrue(json.body().startsWith("{\"message\": \"Access was denied to this resource.\\n\\n\\n" + message), json.body());
        assertTrue(json.body().endsWith("\"code\": \"403 " + message + "\", \"title\": \"Forbidden\"}"), json.body());

        upload.accept = "*/*";
        HttpResponse<String> html = upload.send();
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(html.body().contains("<title>403 " + message + "</title>"), html.body());

        upload.accept = null;
        assertTrue(upload.send().body().contains("<h1>403 " + message + "</h1>"));

        upload.accept = "text/plain";
        HttpResponse<String> text = upload.send();
        assertTrue(text.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(text.body().startsWith("403 " + message + "\n\n"), text.body());
        assertTrue(text.body().endsWith("\n" + message + "\n"), text.body());

        upload.accept = "text/html;q=0.5, application/json";
        assertEquals("403 " + message, code(upload.send()));
    }

    @Test
    void injectedFailuresComeFirstThenUploadsWork() throws Exception {
        pypi.failNextUploads(2, 503, "first byte timeout");
        TestUpload upload = wheelUpload("1.0.0");

        assertRejected(upload.send(), 503, "first byte timeout");
        assertRejected(upload.send(), 503, "first byte timeout");
        assertEquals(200, upload.send().statusCode());
        assertEquals(List.of(503, 503, 200), pypi.uploadRequests().stream().map(UploadRequest::status).toList());
        assertEquals(1, pypi.files().size());
    }

    @Test
    void chunkedUploadIsRefused() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        byte[] body = upload.body("b0undary");
        HttpRequest request = HttpRequest.newBuilder(URI.create(pypi.uploadUrl()))
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .header("Authorization", upload.authorization).header("Accept", TestUpload.CLIENT_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(411, response.statusCode(), response.body());
        assertEquals("chunked", lastRequest().headers().get("transfer-encoding"));
        assertTrue(pypi.files().isEmpty());
    }

    @Test
    void expectContinueIsHonoured() throws Exception {
        HttpResponse<String> response = http.send(wheelUpload("1.0.0").request().expectContinue(true).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue("100-continue".equalsIgnoreCase(lastRequest().headers().get("expect")), lastRequest().headers().toString());
    }

    @Test
    void concurrentUploadsAreAllStoredAndRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                TestUpload upload = wheelUpload("1.0." + i);
                results.add(pool.submit(upload::send));
            }
            for (Future<HttpResponse<String>> r : results) {
                assertEquals(200, r.get(60, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12, pypi.files().size());
        assertEquals(12, pypi.uploadRequests().size());
        assertEquals(12, listStorage().size());
    }

    @Test
    void simpleIndexListsAcceptedFiles() throws Exception {
        TestUpload upload = wheelUpload("1.0.0");
        assertEquals(200, upload.send().statusCode());

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(pypi.baseUrl() + "/simple/tiny-demo/"))
                .header("Accept", "application/vnd.pypi.simple.v1+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"filename\": \"" + upload.filename + "\""), json.body());
        assertTrue(json.body().contains(sha256(upload.content)), json.body());

        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(pypi.baseUrl() + "/files/" + upload.filename))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(upload.content, file.body());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(pypi.baseUrl() + "/simple/other/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void extraHandlersServeTheirPrefix() throws Exception {
        pypi.handle("/_/oidc/", exchange -> {
            byte[] body = "{\"audience\": \"pypi\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(pypi.baseUrl() + "/_/oidc/audience"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("{\"audience\": \"pypi\"}", response.body());
        assertEquals(1, pypi.requestCount());
        assertTrue(pypi.uploadRequests().isEmpty());
    }

    @Test
    void closeDeletesTheStorage() throws Exception {
        assertEquals(200, wheelUpload("1.0.0").send().statusCode());
        Path storage = pypi.storageDir();
        pypi.close();
        assertFalse(Files.exists(storage));
        pypi = FakePyPI.start(0); // for @AfterEach
    }

    private List<String> listStorage() throws IOException {
        try (var files = Files.list(pypi.storageDir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // --- a real client ----------------------------------------------------------------------------------------------

    @Test
    void twineUploadsToTheFake(@TempDir Path dir) throws Exception {
        Path twine = Path.of("/usr/bin/twine");
        Assumptions.assumeTrue(Files.isExecutable(twine), "twine is not installed at /usr/bin/twine");
        Path wheel = dir.resolve("tiny_demo-1.0.0-py3-none-any.whl");
        Path sdist = dir.resolve("tiny_demo-1.0.0.tar.gz");
        assertEquals(wheel, tinyWheel("1.0.0").writeTo(dir));
        assertEquals(sdist, tinySdist("1.0.0").writeTo(dir));

        TwineRun bad = twine(dir, "pypi-wrong-token", wheel);
        assertTrue(bad.exitCode != 0, bad.output);
        assertTrue(bad.output.contains("403"), bad.output);
        assertEquals(403, lastRequest().status());

        TwineRun good = twine(dir, TOKEN, wheel, sdist);
        assertEquals(0, good.exitCode, good.output);
        assertEquals(List.of(wheel.getFileName().toString(), sdist.getFileName().toString()),
                List.copyOf(pypi.files().keySet()));
        assertArrayEquals(Files.readAllBytes(sdist), Files.readAllBytes(pypi.files().get("tiny_demo-1.0.0.tar.gz").path()));
        UploadRequest sent = lastRequest();
        assertEquals("file_upload", sent.value(":action"));
        assertEquals("sdist", sent.value("filetype"));
        assertTrue(sent.hasField("blake2_256_digest"), sent.toString());
    }

    private record TwineRun(int exitCode, String output) {
    }

    private TwineRun twine(Path home, String token, Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/twine", "upload", "--repository-url", pypi.uploadUrl(),
                "-u", "__token__", "-p", token, "--non-interactive", "--disable-progress-bar"));
        for (Path f : files) {
            command.add(f.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("TWINE_") || k.startsWith("PYTHON"));
        env.put("HOME", home.toString());
        env.put("TWINE_NON_INTERACTIVE", "1");
        env.put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
        env.put("NO_COLOR", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("twine did not finish within 120 s: " + new String(out, StandardCharsets.UTF_8));
        }
        return new TwineRun(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
