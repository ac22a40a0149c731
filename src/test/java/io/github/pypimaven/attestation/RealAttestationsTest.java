package io.github.pypimaven.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.FileDigests;
import io.github.pypimaven.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifier against real attestations from PyPI (two signed with production Sigstore, one with staging), with the
 * matching public trusted roots; and against tampered copies, each refused at the step that catches it.
 */
class RealAttestationsTest {

    private static Path fixtures;
    private final AttestationVerifier verifier = new AttestationVerifier();

    /** A real attestation with its file, trusted root and publisher. */
    record Real(String file, String root, ExpectedIdentity identity) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Real> reals() {
        return Stream.of(
                new Real("pypi_attestations-0.0.19.tar.gz", "trusted_root.prod.json",
                        new ExpectedIdentity.GitHubPublisher("trailofbits/pypi-attestations", "release.yml")),
                new Real("gitlab_oidc_project-0.0.3.tar.gz", "trusted_root.prod.json",
                        new ExpectedIdentity.GitLabPublisher("facutuesca/gitlab-oidc-project", ".gitlab-ci.yml")),
                new Real("rfc8785-0.1.2-py3-none-any.whl", "trusted_root.staging.json",
                        new ExpectedIdentity.EmailIdentity("https://github.com/login/oauth", "william@yossarian.net")));
    }

    @BeforeAll
    static void findFixtures() {
        Optional<Path> dir = SharedFixtures.pep740();
        Assumptions.assumeTrue(dir.isPresent(), SharedFixtures.ABSENT);
        fixtures = dir.get();
    }

    @ParameterizedTest
    @MethodSource("reals")
    void acceptsTheRealAttestation(Real real) throws Exception {
        assertEquals(Statement.PUBLISH_PREDICATE, verifier.verify(attestation(real), subject(real), real.identity(),
                Optional.of(root(real))));
        // and without a trusted root, the checks that need no trusted key
        verifier.verify(attestation(real), subject(real), real.identity(), Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("reals")
    void writesWhatItReadsByteForByteWhereItMatters(Real real) throws Exception {
        Attestation original = attestation(real);
        Attestation again = AttestationJson.read(AttestationJson.write(original), "rewritten");
        assertTrue(Arrays.equals(original.statement(), again.statement()));
        assertTrue(Arrays.equals(original.transparencyEntries().get(0).canonicalizedBody(),
                again.transparencyEntries().get(0).canonicalizedBody()));
        verifier.verify(again, subject(real), real.identity(), Optional.of(root(real)));
    }

    static Stream<Arguments> tamperings() {
        return reals().flatMap(real -> Stream.of(
                Arguments.of(real, "changed file byte", AttestationStep.SUBJECT, (Tamper) t -> t.withFileByteChanged()),
                Arguments.of(real, "changed statement", AttestationStep.SIGNATURE, (Tamper) t -> t.withStatement(
                        new String(t.attestation.statement(), StandardCharsets.UTF_8).replace("\"predicate\":null",
                                "\"predicate\":{}"))),
                Arguments.of(real, "changed signature", AttestationStep.SIGNATURE, (Tamper) Tampered::withSignatureChanged),
                Arguments.of(real, "upper-case hex", AttestationStep.SUBJECT, (Tamper) Tampered::withUpperCaseDigest),
                Arguments.of(real, "re-wrapped certificate PEM in the log entry", AttestationStep.LOG_ENTRY,
                        (Tamper) Tampered::withRewrappedVerifier),
                Arguments.of(real, "changed inclusion proof", AttestationStep.INCLUSION_PROOF,
                        (Tamper) Tampered::withProofHashChanged),
                Arguments.of(real, "changed integrated time", AttestationStep.SET,
                        (Tamper) t -> t.withIntegratedTimeShifted(1)),
                Arguments.of(real, "changed checkpoint signature", AttestationStep.CHECKPOINT,
                        (Tamper) Tampered::withCheckpointSignatureChanged)));
    }

    @FunctionalInterface
    interface Tamper extends UnaryOperator<Tampered> {}

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tamperings")
    void refusesATamperedCopy(Real real, String what, AttestationStep step, Tamper tamper) throws Exception {
        Tampered tampered = tamper.apply(new Tampered(attestation(real), subject(real)));
        AttestationException e = assertThrows(AttestationException.class, () -> verifier.verify(tampered.attestation,
                tampered.subject, real.identity(), Optional.of(root(real))));
        assertEquals(step, e.step(), e.getMessage());
        assertTrue(e.getMessage().contains(real.file()) && e.getMessage().contains(step.label()), e.getMessage());
    }

    @Test
    void refusesAnotherPublisher() throws Exception {
        Real real = reals().findFirst().orElseThrow();
        for (ExpectedIdentity other : List.of(
                new ExpectedIdentity.GitHubPublisher("trailofbits/pypi-attestations", "publish.yml"),
                new ExpectedIdentity.GitHubPublisher("trailofbits/other", "release.yml"),
                new ExpectedIdentity.GitLabPublisher("trailofbits/pypi-attestations", "release.yml"))) {
            AttestationException e = assertThrows(AttestationException.class,
                    () -> verifier.verify(attestation(real), subject(real), other, Optional.of(root(real))));
            assertEquals(AttestationStep.IDENTITY, e.step(), e.getMessage());
        }
    }

    @Test
    void refusesAProductionAttestationAgainstTheStagingRoot() throws Exception {
        Real real = reals().findFirst().orElseThrow();
        AttestationException e = assertThrows(AttestationException.class, () -> verifier.verify(attestation(real),
                subject(real), real.identity(), Optional.of(TrustedRoot.read(fixtures.resolve(
                        "trusted_root.staging.json")))));
        assertEquals(AttestationStep.CERTIFICATE_CHAIN, e.step(), e.getMessage());
    }

    private static Attestation attestation(Real real) throws Exception {
        Path file = fixtures.resolve(real.file() + ".publish.attestation");
        return AttestationJson.read(Files.readString(file), file.getFileName().toString());
    }

    private static AttestationSubject subject(Real real) throws Exception {
        return new AttestationSubject(real.file(), FileDigests.of(fixtures.resolve(real.file())).sha256());
    }

    private static TrustedRoot root(Real real) throws Exception {
        return TrustedRoot.read(fixtures.resolve(real.root()));
    }

    /** An attestation and the file it is checked against, changed one way. */
    static final class Tampered {
        final Attestation attestation;
        final AttestationSubject subject;

        Tampered(Attestation attestation, AttestationSubject subject) {
            this.attestation = attestation;
            this.subject = subject;
        }

        Tampered withFileByteChanged() {
            char[] digest = subject.sha256().toCharArray();
            digest[7] = digest[7] == '0' ? '1' : '0'; // what a changed byte does to the file's digest
            return new Tampered(attestation, new AttestationSubject(subject.fileName(), new String(digest)));
        }

        Tampered withStatement(String statement) {
            return new Tampered(new Attestation(attestation.certificate(), attestation.transparencyEntries(),
                    statement.getBytes(StandardCharsets.UTF_8), attestation.signature()), subject);
        }

        Tampered withUpperCaseDigest() {
            String statement = new String(attestation.statement(), StandardCharsets.UTF_8);
            return withStatement(statement.replace(subject.sha256(), subject.sha256().toUpperCase()));
        }

        Tampered withSignatureChanged() {
            byte[] signature = attestation.signature().clone();
            signature[signature.length - 3] ^= 0x01;
            return new Tampered(new Attestation(attestation.certificate(), attestation.transparencyEntries(),
                    attestation.statement(), signature), subject);
        }

        Tampered withRewrappedVerifier() {
            TransparencyEntry entry = attestation.transparencyEntries().get(0);
            String body = new String(entry.canonicalizedBody(), StandardCharsets.UTF_8);
            String verifier = body.replaceAll(".*\"verifier\":\"([^\"]+)\".*", "$1");
            String pem = new String(Base64.getDecoder().decode(verifier), StandardCharsets.US_ASCII);
            String der = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            String mime = "-----BEGIN CERTIFICATE-----\r\n" + Base64.getMimeEncoder().encodeToString(
                    Base64.getDecoder().decode(der)) + "\r\n-----END CERTIFICATE-----\r\n";
            String rewrapped = body.replace(verifier, Base64.getEncoder().encodeToString(
                    mime.getBytes(StandardCharsets.US_ASCII)));
            return withEntry(new TransparencyEntry(entry.logIndex(), entry.logKeyId(), entry.kind(), entry.version(),
                    entry.integratedTime(), entry.signedEntryTimestamp(), entry.inclusionProof(),
                    rewrapped.getBytes(StandardCharsets.UTF_8)));
        }

        Tampered withProofHashChanged() {
            TransparencyEntry entry = attestation.transparencyEntries().get(0);
            TransparencyEntry.InclusionProof proof = entry.inclusionProof().orElseThrow();
            List<byte[]> hashes = new java.util.ArrayList<>(proof.hashes());
            byte[] first = hashes.get(0).clone();
            first[0] ^= 0x01;
            hashes.set(0, first);
            return withEntry(new TransparencyEntry(entry.logIndex(), entry.logKeyId(), entry.kind(), entry.version(),
                    entry.integratedTime(), entry.signedEntryTimestamp(), Optional.of(
                            new TransparencyEntry.InclusionProof(proof.logIndex(), proof.rootHash(), proof.treeSize(),
                                    hashes, proof.checkpoint())), entry.canonicalizedBody()));
        }

        Tampered withIntegratedTimeShifted(long seconds) {
            TransparencyEntry entry = attestation.transparencyEntries().get(0);
            return withEntry(new TransparencyEntry(entry.logIndex(), entry.logKeyId(), entry.kind(), entry.version(),
                    entry.integratedTime() + seconds, entry.signedEntryTimestamp(), entry.inclusionProof(),
                    entry.canonicalizedBody()));
        }

        Tampered withCheckpointSignatureChanged() {
            TransparencyEntry entry = attestation.transparencyEntries().get(0);
            TransparencyEntry.InclusionProof proof = entry.inclusionProof().orElseThrow();
            String checkpoint = proof.checkpoint();
            int line = checkpoint.lastIndexOf(' ') + 1;
            byte[] signature = Base64.getDecoder().decode(checkpoint.substring(line).strip());
            signature[signature.length - 2] ^= 0x01;
            String changed = checkpoint.substring(0, line) + Base64.getEncoder().encodeToString(signature) + "\n";
            return withEntry(new TransparencyEntry(entry.logIndex(), entry.logKeyId(), entry.kind(), entry.version(),
                    entry.integratedTime(), entry.signedEntryTimestamp(), Optional.of(
                            new TransparencyEntry.InclusionProof(proof.logIndex(), proof.rootHash(), proof.treeSize(),
                                    proof.hashes(), changed)), entry.canonicalizedBody()));
        }

        private Tampered withEntry(TransparencyEntry entry) {
            return new Tampered(new Attestation(attestation.certificate(), List.of(entry), attestation.statement(),
                    attestation.signature()), subject);
        }
    }
}
