package io.github.pypimaven.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.KeylessVerificationException;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.strings.StringMatcher;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion from an independent implementation: sigstore-java 2.0.0's {@code KeylessVerifier} (test scope only)
 * accepts what the plugin makes against the fakes' trusted root. It is lenient where PyPI is not (an expired
 * certificate, an integrated time outside the certificate's validity, a re-wrapped certificate PEM in the log entry),
 * so for those it only shows that the plugin's own verifier is the stricter one.
 */
class SigstoreJavaOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExpectedIdentity PUBLISHER = new ExpectedIdentity.GitHubPublisher("octo-org/octo-repo",
            "release.yml");

    @TempDir
    java.nio.file.Path dir;
    private SigstoreFixture f;
    private KeylessVerifier sigstoreJava;

    @BeforeEach
    void start() throws Exception {
        f = new SigstoreFixture(dir);
        sigstoreJava = KeylessVerifier.builder().trustedRootProvider(TrustedRootProvider.from(f.trustedRootFile))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void acceptsWhatThePluginMakes() throws Exception {
        List<AttestedFile> attested = f.attester.attest(f.files(3), f.github(), f.http, f.settings());
        VerificationOptions identity = VerificationOptions.builder().addCertificateMatchers(
                VerificationOptions.CertificateMatcher.fulcio()
                        .issuer(StringMatcher.string("https://token.actions.githubusercontent.com"))
                        .subjectAlternativeName(StringMatcher.string("https://github.com/octo-org/octo-repo/.github/"
                                + "workflows/release.yml@refs/tags/v1.0.0"))
                        .build()).build();
        for (AttestedFile file : attested) {
            sigstoreJava.verify(f.path(file.subject()), bundle(file.attestation()), identity);
        }
    }

    @Test
    void refusesAnotherFileAsThePluginDoes() throws Exception {
        AttestedFile file = f.attester.attest(f.files(1), f.github(), f.http, f.settings()).get(0);
        AttestationSubject other = f.file("other-1.0.tar.gz");
        assertThrows(KeylessVerificationException.class, () -> sigstoreJava.verify(f.path(other),
                bundle(file.attestation()), VerificationOptions.empty()));
        assertEquals(AttestationStep.SUBJECT, assertThrows(AttestationException.class, () -> f.verifier.verify(
                file.attestation(), new AttestationSubject(file.subject().fileName(), other.sha256()), PUBLISHER,
                Optional.of(f.trustedRoot))).step());
    }

    @Test
    void aBadSetIsRefusedByBoth() throws Exception {
        f.sigstore.rekor().badSet(true);
        Attestation attestation = stepByStep(f.file("demo-1.0.tar.gz"));
        assertThrows(KeylessVerificationException.class, () -> sigstoreJava.verify(dir.resolve("demo-1.0.tar.gz"),
                bundle(attestation), VerificationOptions.empty()));
    }

    @Test
    void anExpiredCertificatePassesSigstoreJavaButNotThePlugin() throws Exception {
        f.sigstore.fulcio().expiredCertificates(true);
        assertStricter(AttestationStep.SIGNING_TIME);
    }

    @Test
    void anIntegratedTimeOutsideTheCertificatePassesSigstoreJavaButNotThePlugin() throws Exception {
        f.sigstore.rekor().integratedTimeSkew(java.time.Duration.ofMinutes(-30));
        assertStricter(AttestationStep.SIGNING_TIME);
    }

    @Test
    void aRewrappedVerifierPemPassesSigstoreJavaButNotThePlugin() throws Exception {
        f.sigstore.rekor().rewrapVerifier(true);
        assertStricter(AttestationStep.LOG_ENTRY);
    }

    /** Made step by step (the Attester would stop at its own check), then given to both verifiers. */
    private void assertStricter(AttestationStep step) throws Exception {
        AttestationSubject subject = f.file("demo-1.0.tar.gz");
        Attestation attestation = stepByStep(subject);
        sigstoreJava.verify(f.path(subject), bundle(attestation), VerificationOptions.empty());
        AttestationException e = assertThrows(AttestationException.class, () -> f.verifier.verify(attestation,
                subject, PUBLISHER, Optional.of(f.trustedRoot)));
        assertEquals(step, e.step(), e.getMessage());
    }

    private Attestation stepByStep(AttestationSubject subject) throws Exception {
        SigstoreSettings settings = f.settings();
        SigningCertificate certificate = new FulcioClient().requestCertificate(settings.fulcioUrl(),
                f.github().fetch(), f.http);
        byte[] statement = Statement.publish(subject);
        byte[] signature = certificate.key().sign(Dsse.pae(statement));
        TransparencyEntry entry = new RekorClient().submit(settings.rekorUrl(), statement, signature,
                certificate.leaf(), f.http, settings);
        return new Attestation(certificate.leaf().getEncoded(), List.of(entry), statement, signature);
    }

    /** A PEP 740 attestation as a Sigstore bundle v0.3: the same certificate, log entry and envelope. */
    static Bundle bundle(Attestation attestation) throws Exception {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json");
        ObjectNode material = bundle.putObject("verificationMaterial");
        material.putObject("certificate").put("rawBytes", Base64.getEncoder().encodeToString(attestation.certificate()));
        material.putArray("tlogEntries").add(JSON.readTree(AttestationJson.write(attestation))
                .at("/verification_material/transparency_entries/0"));
        ObjectNode envelope = bundle.putObject("dsseEnvelope");
        envelope.put("payload", Base64.getEncoder().encodeToString(attestation.statement()));
        envelope.put("payloadType", Dsse.PAYLOAD_TYPE);
        envelope.putArray("signatures").addObject().put("sig", Base64.getEncoder().encodeToString(
                attestation.signature()));
        return Bundle.from(new StringReader(bundle.toString()));
    }
}
