package io.github.pypimaven.testing;

import io.github.pypimaven.attestation.AttestationVerifier;
import io.github.pypimaven.attestation.Attester;
import io.github.pypimaven.attestation.FulcioClient;
import io.github.pypimaven.attestation.RekorClient;
import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.CredentialResolver;
import io.github.pypimaven.credentials.ServerCredentials;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.distribution.DistributionValidator;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.index.LocalIndex;
import io.github.pypimaven.index.SimpleIndexClient;
import io.github.pypimaven.publish.IndexComparison;
import io.github.pypimaven.publish.IndexUpload;
import io.github.pypimaven.publish.LocalIndexPublishing;
import io.github.pypimaven.publish.Preflight;
import io.github.pypimaven.publish.PublishRequest;
import io.github.pypimaven.publish.Publisher;
import io.github.pypimaven.publish.ReleaseAttestations;
import io.github.pypimaven.publish.ReleaseChecker;
import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.trust.TrustedPublishing;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plugin's real services, wired as Sisu wires them in Maven, and requests for them. */
public final class TestServices {

    private TestServices() {}

    public static Publisher publisher() {
        return publisher(new TrustedPublishing());
    }

    public static Publisher publisher(TrustedPublishing trustedPublishing) {
        HttpClientFactory http = new HttpClientFactory();
        AttestationVerifier verifier = new AttestationVerifier();
        ReleaseAttestations attestations = new ReleaseAttestations(new Attester(new FulcioClient(), new RekorClient(),
                verifier), verifier, http);
        ReleaseChecker checker = new ReleaseChecker(new DistributionReader(), new DistributionValidator());
        CredentialResolver credentials = new CredentialResolver(trustedPublishing);
        IndexComparison comparison = new IndexComparison(new SimpleIndexClient());
        return new Publisher(checker, new Preflight(checker, credentials, comparison, http, attestations,
                trustedPublishing),
                new IndexUpload(credentials, new UploadClient(), comparison, attestations),
                new LocalIndexPublishing(new LocalIndex()), http);
    }

    /**
     * A request that uploads with a static API token (Trusted Publishing never), in an empty environment, retrying
     * quickly: the rest is the builder's defaults.
     */
    public static PublishRequest.Builder withToken(List<Path> files, PublishTarget target, String token) {
        return PublishRequest.builder(files, target, tokenCredentials(token, new Environment(Map.of())))
                .retry(new RetryPolicy(2, Duration.ofMillis(10)));
    }

    public static CredentialRequest tokenCredentials(String token, Environment environment) {
        return new CredentialRequest(TrustedPublishingMode.NEVER, Optional.of(ServerCredentials.token(token, "test")),
                "UNSET_VARIABLE", environment);
    }
}
