package io.github.pypimaven.attestation;

import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.MovableClock;
import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import io.github.pypimaven.testing.sigstore.FakeSigstore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** A fake OIDC issuer and a fake Sigstore on loopback, the plugin's real services wired to them, and files to attest. */
final class SigstoreFixture implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    final FakeOidcIssuer issuer;
    final FakeSigstore sigstore;
    final CloseableHttpClient http;
    final Path dir;
    final Path trustedRootFile;
    final TrustedRoot trustedRoot;
    final MovableClock clock = new MovableClock();
    final AttestationVerifier verifier = new AttestationVerifier();
    final Attester attester;

    SigstoreFixture(Path dir) throws Exception {
        this.dir = dir;
        issuer = FakeOidcIssuer.start(0);
        sigstore = FakeSigstore.start(issuer.jwkSet());
        http = new HttpClientFactory().create(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), "test"));
        trustedRootFile = sigstore.writeTrustedRoot(dir.resolve("trusted_root.json"));
        trustedRoot = TrustedRoot.read(trustedRootFile);
        attester = new Attester(new FulcioClient(), new RekorClient(), verifier, clock);
    }

    /** The fakes' instance with their trusted root, quick polls for a missing inclusion proof. */
    SigstoreSettings settings() {
        return new SigstoreSettings(URI.create(sigstore.fulcio().url()), URI.create(sigstore.rekor().url()),
                Optional.of(trustedRoot)).withInclusionPolling(Duration.ofMillis(20), 5);
    }

    SigstoreTokenSource github() {
        return github(Map.of());
    }

    SigstoreTokenSource github(Map<String, ?> claims) {
        return () -> new SigstoreIdentityToken(issuer.githubToken(SigstoreIdentityToken.AUDIENCE, claims),
                "GitHub Actions");
    }

    SigstoreTokenSource gitlab() {
        return () -> new SigstoreIdentityToken(issuer.gitlabToken(SigstoreIdentityToken.AUDIENCE, Map.of()),
                "GitLab CI/CD (SIGSTORE_ID_TOKEN)");
    }

    SigstoreTokenSource google() {
        return () -> new SigstoreIdentityToken(issuer.googleToken(SigstoreIdentityToken.AUDIENCE, Map.of()),
                "Google Cloud");
    }

    /** {@code count} wheels with random content, written to the fixture's directory. */
    List<AttestationSubject> files(int count) throws IOException {
        List<AttestationSubject> subjects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subjects.add(file("demo-1.0." + i + "-py3-none-any.whl"));
        }
        return subjects;
    }

    AttestationSubject file(String name) throws IOException {
        byte[] content = new byte[1000 + RANDOM.nextInt(1000)];
        RANDOM.nextBytes(content);
        Path file = Files.write(dir.resolve(name), content);
        return new AttestationSubject(name, FileDigests.of(file).sha256());
    }

    Path path(AttestationSubject subject) {
        return dir.resolve(subject.fileName());
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            sigstore.close();
            issuer.close();
        }
    }
}
