package io.github.pypimaven.testing;

import io.github.pypimaven.attestation.AttestationSubject;
import io.github.pypimaven.attestation.AttestationVerifier;
import io.github.pypimaven.attestation.AttestedFile;
import io.github.pypimaven.attestation.Attester;
import io.github.pypimaven.attestation.FulcioClient;
import io.github.pypimaven.attestation.RekorClient;
import io.github.pypimaven.attestation.SigstoreIdentityToken;
import io.github.pypimaven.attestation.SigstoreSettings;
import io.github.pypimaven.files.Sha256;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import io.github.pypimaven.testing.sigstore.FakeSigstore;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Attestation files as another tool would leave them next to the distributions ({@code <file>.publish.attestation}),
 * made with the fake Sigstore for a GitHub identity of the fake issuer. Usable from Groovy.
 */
public final class TestAttestations {

    private TestAttestations() {}

    /** Writes {@code <file>.publish.attestation} for each file (GitHub identity, default claims); returns them. */
    public static List<Path> writePublishAttestations(List<Path> files, FakeOidcIssuer issuer, FakeSigstore sigstore)
            throws Exception {
        return writePublishAttestations(files, issuer, sigstore, Map.of());
    }

    /** For Groovy: every wheel and sdist in {@code directory}. */
    public static List<Path> writePublishAttestations(File directory, FakeOidcIssuer issuer, FakeSigstore sigstore)
            throws Exception {
        List<Path> files = new ArrayList<>();
        try (var entries = Files.list(directory.toPath())) {
            entries.filter(p -> p.toString().endsWith(".whl") || p.toString().endsWith(".tar.gz")).sorted()
                    .forEach(files::add);
        }
        return writePublishAttestations(files, issuer, sigstore);
    }

    /** With these claims of the GitHub identity token for Sigstore (e.g. another repository). */
    public static List<Path> writePublishAttestations(List<Path> files, FakeOidcIssuer issuer, FakeSigstore sigstore,
            Map<String, ?> claims) throws Exception {
        List<AttestationSubject> subjects = new ArrayList<>();
        for (Path file : files) {
            subjects.add(new AttestationSubject(file.getFileName().toString(), Sha256.hex(file)));
        }
        SigstoreSettings settings = new SigstoreSettings(URI.create(sigstore.fulcio().url()),
                URI.create(sigstore.rekor().url()), Optional.empty());
        AttestationVerifier verifier = new AttestationVerifier();
        List<Path> written = new ArrayList<>();
        try (CloseableHttpClient http = new HttpClientFactory().create(
                new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), "test"))) {
            List<AttestedFile> attested = new Attester(new FulcioClient(), new RekorClient(), verifier).attest(subjects,
                    () -> new SigstoreIdentityToken(issuer.githubToken("sigstore", claims), "GitHub Actions"), http,
                    settings);
            for (int i = 0; i < files.size(); i++) {
                Path target = files.get(i).resolveSibling(files.get(i).getFileName() + ".publish.attestation");
                written.add(Files.writeString(target, attested.get(i).json(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IOException("Could not make the test attestations: " + e.getMessage(), e);
        }
        return written;
    }
}
