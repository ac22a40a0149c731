package io.github.pypimaven.attestation;

import io.github.pypimaven.threads.DaemonThreads;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Makes the PEP 740 publish attestations of a release: one Fulcio certificate for the run (renewed when it runs low),
 * one DSSE signature and one Rekor entry per file, the entries requested concurrently through a bounded pool. Every
 * attestation is verified ({@link AttestationVerifier}) against the run's own identity before it is returned; the
 * first failure stops the run, so either every file has a verified attestation or the caller gets the failure.
 */
@Named
@Singleton
public class Attester {

    private final FulcioClient fulcio;
    private final RekorClient rekor;
    private final AttestationVerifier verifier;
    private final Clock clock;

    @Inject
    public Attester(FulcioClient fulcio, RekorClient rekor, AttestationVerifier verifier) {
        this(fulcio, rekor, verifier, Clock.systemUTC());
    }

    Attester(FulcioClient fulcio, RekorClient rekor, AttestationVerifier verifier, Clock clock) {
        this.fulcio = fulcio;
        this.rekor = rekor;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** The attestations of {@code files}, in their order. */
    public List<AttestedFile> attest(List<AttestationSubject> files, SigstoreTokenSource tokens,
            CloseableHttpClient http, SigstoreSettings settings) throws AttestationException {
        if (new HashSet<>(files.stream().map(AttestationSubject::fileName).toList()).size() != files.size()) {
            throw new IllegalArgumentException("the files to attest have duplicate names: " + files);
        }
        if (files.isEmpty()) {
            return List.of();
        }
        CertificateSession session = new CertificateSession(fulcio, tokens, http, settings, clock);
        // The first certificate before the pool starts: a token or Fulcio failure is reported once, not per file.
        session.current();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), files.size()),
                DaemonThreads.named("pypi-attest"));
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            AttestedFile[] results = new AttestedFile[files.size()];
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                done.submit(() -> {
                    results[index] = attestOne(files.get(index), session, http, settings);
                    return index;
                });
            }
            for (int i = 0; i < files.size(); i++) {
                await(done.take());
            }
            return List.copyOf(Arrays.asList(results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttestationException(AttestationStep.REKOR, "Interrupted while making attestations.", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private AttestedFile attestOne(AttestationSubject subject, CertificateSession session, CloseableHttpClient http,
            SigstoreSettings settings) throws AttestationException {
        byte[] statement = Statement.publish(subject);
        CertificateSession.Issued issued = session.current();
        SigningCertificate certificate = issued.certificate();
        byte[] signature = certificate.key().sign(Dsse.pae(statement));
        TransparencyEntry entry = rekor.submit(settings.rekorUrl(), statement, signature, certificate.leaf(), http,
                settings);
        Attestation attestation;
        try {
            attestation = new Attestation(certificate.leaf().getEncoded(), List.of(entry), statement, signature);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A certificate Fulcio sent could not be re-encoded", e);
        }
        verifier.verify(attestation, subject, issued.identity(), settings.trustedRoot());
        return new AttestedFile(subject, attestation, entry.logIndex(), settings.entryUrl(entry.logIndex()));
    }

    private static void await(Future<Integer> future) throws AttestationException, InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AttestationException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw new IllegalStateException("Making an attestation failed unexpectedly", e.getCause());
        }
    }
}
