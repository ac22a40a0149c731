package io.github.pypimaven.testing.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pypimaven.attestation.AttestationSubject;
import io.github.pypimaven.attestation.AttestationVerifier;
import io.github.pypimaven.attestation.Attester;
import io.github.pypimaven.attestation.FulcioClient;
import io.github.pypimaven.attestation.RekorClient;
import io.github.pypimaven.attestation.SigstoreIdentityToken;
import io.github.pypimaven.attestation.SigstoreSettings;
import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.SharedFixtures;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import io.github.pypimaven.testing.sigstore.FakeSigstore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake PyPI's {@code attestations} checks, with Warehouse's messages, against attestations made by the plugin with
 * the fake Sigstore (and one real attestation from PyPI): only what PyPI accepts gets stored.
 */
class FakePyPIAttestationsTest {

    private static final String TOKEN = "pypi-trusted-publishing-token";
    private static final String API_TOKEN = "pypi-api-token";
    private static final String PREFIX = "Invalid attestations supplied during upload: ";
    private static final String VERIFY = PREFIX + "Could not verify the uploaded artifact using the included attestation:"
            + " Verification failed: ";
    private static final TrustedPublisher PUBLISHER = new TrustedPublisher.GitHub("octo-org/octo-repo", "release.yml",
            "pypi");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakePyPI pypi;
    private FakeOidcIssuer issuer;
    private FakeSigstore sigstore;
    private CloseableHttpClient sigstoreHttp;

    @BeforeEach
    void start() throws Exception {
        pypi = FakePyPI.start(0).acceptTrustedPublishingToken(TOKEN, Instant.MAX, PUBLISHER).acceptToken(API_TOKEN);
        issuer = FakeOidcIssuer.start(0);
        sigstore = FakeSigstore.start(issuer.jwkSet());
        sigstoreHttp = new HttpClientFactory().create(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
                "test"));
    }

    @AfterEach
    void stop() throws Exception {
        sigstoreHttp.close();
        sigstore.close();
        issuer.close();
        pypi.close();
    }

    private static byte[] wheel(String version) {
        return TestDistributions.wheel("tiny-demo", version).field("Summary", "A tiny test distribution").toBytes();
    }

    private static String wheelName(String version) {
        return "tiny_demo-" + version + "-py3-none-any.whl";
    }

    private TestUpload upload(String token, byte[] wheel, String version) {
        return TestUpload.file(pypi, http, token, "tiny-demo", version, "bdist_wheel", wheelName(version), wheel);
    }

    /** The plugin's attestation of {@code bytes} under {@code name}, as JSON. */
    private String attestation(String name, byte[] bytes) throws Exception {
        String sha256 = FileDigests.read(new ByteArrayInputStream(bytes), false).sha256();
        Attester attester = new Attester(new FulcioClient(), new RekorClient(), new AttestationVerifier());
        SigstoreSettings settings = new SigstoreSettings(URI.create(sigstore.fulcio().url()),
                URI.create(sigstore.rekor().url()), Optional.empty());
        return attester.attest(List.of(new AttestationSubject(name, sha256)), () -> new SigstoreIdentityToken(
                issuer.githubToken("sigstore", Map.of()), "GitHub Actions"), sigstoreHttp, settings).get(0).json();
    }

    private String refusal(TestUpload upload) throws Exception {
        HttpResponse<String> response = upload.send();
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(pypi.files().isEmpty());
        List<UploadRequest> requests = pypi.uploadRequests();
        return requests.get(requests.size() - 1).message();
    }

    @Test
    void storesAFileWithTheAttestationOfItsPublisher() throws Exception {
        byte[] wheel = wheel("1.0.0");
        String field = "[" + attestation(wheelName("1.0.0"), wheel) + "]";
        HttpResponse<String> response = upload(TOKEN, wheel, "1.0.0").field("attestations", field).send();
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(field, pypi.files().get(wheelName("1.0.0")).value("attestations"));
    }

    @Test
    void aTokenMintedByTrustedPublishingCarriesItsPublisher() throws Exception {
        pypi.handle("/_/oidc/", io.github.pypimaven.testing.oidc.FakeTrustedPublishing.forIndex(issuer.jwkSet(), pypi)
                .defaultGithubPublisher());
        HttpResponse<String> minted = http.send(java.net.http.HttpRequest.newBuilder(URI.create(pypi.baseUrl()
                + "/_/oidc/mint-token")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"token\": \""
                + issuer.githubToken("pypi", Map.of()) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, minted.statusCode(), minted.body());
        String token = JSON.readTree(minted.body()).get("token").asText();
        byte[] wheel = wheel("1.0.0");
        HttpResponse<String> response = upload(token, wheel, "1.0.0").field("attestations", "["
                + attestation(wheelName("1.0.0"), wheel) + "]").send();
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void onlyWithTrustedPublishing() throws Exception {
        byte[] wheel = wheel("1.0.0");
        String field = "[" + attestation(wheelName("1.0.0"), wheel) + "]";
        assertEquals(PREFIX + "Attestations are only supported when using Trusted Publishing",
                refusal(upload(API_TOKEN, wheel, "1.0.0").field("attestations", field)));
        pypi.acceptTrustedPublishingToken("pypi-activestate", Instant.MAX, new TrustedPublisher.Other("ActiveState"));
        assertEquals(PREFIX + "Attestations are not currently supported with ActiveState publishers",
                refusal(upload("pypi-activestate", wheel, "1.0.0").field("attestations", field)));
        assertEquals(200, upload(API_TOKEN, wheel, "1.0.0").send().statusCode(), "without the field");
    }

    @Test
    void refusesMalformedSetsAndTooMany() throws Exception {
        byte[] wheel = wheel("1.0.0");
        String one = attestation(wheelName("1.0.0"), wheel);
        assertTrue(refusal(upload(TOKEN, wheel, "1.0.0").field("attestations", "{not json")).startsWith(PREFIX
                + "Malformed attestations: 1 validation error for list[Attestation]"));
        assertEquals(PREFIX + "Malformed attestations: an empty attestation set is not permitted",
                refusal(upload(TOKEN, wheel, "1.0.0").field("attestations", "[]")));
        ObjectNode wrongVersion = (ObjectNode) JSON.readTree(one);
        wrongVersion.put("version", 2);
        assertTrue(refusal(upload(TOKEN, wheel, "1.0.0").field("attestations", "[" + wrongVersion + "]"))
                .contains("0.version\n  Input should be 1"));
        assertEquals(PREFIX + "A maximum of 2 attestations per file are supported", refusal(upload(TOKEN, wheel,
                "1.0.0").field("attestations", "[" + one + "," + one + "," + one + "]")));
        assertEquals(PREFIX + "Multiple attestations for the same file with the same predicate type"
                + " (https://docs.pypi.org/attestations/publish/v1) are not supported", refusal(upload(TOKEN, wheel,
                "1.0.0").field("attestations", "[" + one + "," + one + "]")));
    }

    @Test
    void theSubjectMustBeThisFile() throws Exception {
        byte[] wheel = wheel("1.0.0");
        assertEquals(VERIFY + "subject does not match distribution name: " + wheelName("1.0.1") + " != "
                + wheelName("1.0.0"), refusal(upload(TOKEN, wheel, "1.0.0").field("attestations", "["
                + attestation(wheelName("1.0.1"), wheel) + "]")));
        assertEquals(VERIFY + "subject does not match distribution digest", refusal(upload(TOKEN, wheel, "1.0.0")
                .field("attestations", "[" + attestation(wheelName("1.0.0"), wheel("1.0.1")) + "]")));
    }

    @Test
    void theCertificateMustBeThePublishers() throws Exception {
        byte[] wheel = wheel("1.0.0");
        String field = "[" + attestation(wheelName("1.0.0"), wheel) + "]";
        pypi.acceptTrustedPublishingToken("pypi-other", Instant.MAX, new TrustedPublisher.GitHub("octo-org/octo-repo",
                "publish.yml", null));
        assertEquals(VERIFY + "Certificate's Build Config URI (https://github.com/octo-org/octo-repo/.github/workflows/"
                + "release.yml@refs/tags/v1.0.0) does not match expected Trusted Publisher (publish.yml @"
                + " octo-org/octo-repo)", refusal(upload("pypi-other", wheel, "1.0.0").field("attestations", field)));
        pypi.acceptTrustedPublishingToken("pypi-gitlab", Instant.MAX, new TrustedPublisher.GitLab("octo-org/octo-repo",
                ".gitlab-ci.yml", null));
        assertTrue(refusal(upload("pypi-gitlab", wheel, "1.0.0").field("attestations", field))
                .startsWith(VERIFY + "Certificate's OIDC issuer does not match"));
    }

    @Test
    void theSignatureAndTheLogEntryMustMatch() throws Exception {
        byte[] wheel = wheel("1.0.0");
        ObjectNode attestation = (ObjectNode) JSON.readTree(attestation(wheelName("1.0.0"), wheel));
        ObjectNode envelope = (ObjectNode) attestation.get("envelope");
        byte[] signature = Base64.getDecoder().decode(envelope.get("signature").asText());
        signature[signature.length - 1] ^= 1;
        envelope.put("signature", Base64.getEncoder().encodeToString(signature));
        assertEquals(VERIFY + "DSSE: invalid signature", refusal(upload(TOKEN, wheel, "1.0.0").field("attestations",
                "[" + attestation + "]")));

        assertEquals(VERIFY + "log entry signatures do not match bundle", refusal(upload(TOKEN, wheel, "1.0.0")
                .field("attestations", "[" + withCrlfVerifier(attestation(wheelName("1.0.0"), wheel)) + "]")));
    }

    /** The attestation with its log entry's certificate PEM re-wrapped with CRLF line ends. */
    private static String withCrlfVerifier(String attestation) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(attestation);
        ObjectNode entry = (ObjectNode) node.at("/verification_material/transparency_entries/0");
        String body = new String(Base64.getDecoder().decode(entry.get("canonicalizedBody").asText()));
        String verifier = body.replaceAll(".*\"verifier\":\"([^\"]+)\".*", "$1");
        String pem = new String(Base64.getDecoder().decode(verifier)).replace("\n", "\r\n");
        entry.put("canonicalizedBody", Base64.getEncoder().encodeToString(body.replace(verifier,
                Base64.getEncoder().encodeToString(pem.getBytes())).getBytes()));
        return node.toString();
    }

    @Test
    void acceptsARealAttestationFromPyPIForItsPublisher() throws Exception {
        Optional<Path> fixtures = SharedFixtures.pep740();
        Assumptions.assumeTrue(fixtures.isPresent(), SharedFixtures.ABSENT);
        String name = "pypi_attestations-0.0.19.tar.gz";
        byte[] sdist = Files.readAllBytes(fixtures.get().resolve(name));
        pypi.acceptTrustedPublishingToken("pypi-trailofbits", Instant.MAX, new TrustedPublisher.GitHub(
                "trailofbits/pypi-attestations", "release.yml", null));
        HttpResponse<String> response = TestUpload.file(pypi, http, "pypi-trailofbits", "pypi-attestations", "0.0.19",
                "sdist", name, sdist).field("attestations", "[" + Files.readString(fixtures.get().resolve(name
                + ".publish.attestation")) + "]").send();
        assertEquals(200, response.statusCode(), response.body());
    }
}
