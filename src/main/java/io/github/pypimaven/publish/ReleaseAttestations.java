package io.github.pypimaven.publish;

import io.github.pypimaven.attestation.Attestation;
import io.github.pypimaven.attestation.AttestationException;
import io.github.pypimaven.attestation.AttestationJson;
import io.github.pypimaven.attestation.AttestationStep;
import io.github.pypimaven.attestation.AttestationSubject;
import io.github.pypimaven.attestation.AttestationVerifier;
import io.github.pypimaven.attestation.AttestedFile;
import io.github.pypimaven.attestation.Attester;
import io.github.pypimaven.attestation.ExpectedIdentity;
import io.github.pypimaven.attestation.SigstoreIdentityToken;
import io.github.pypimaven.attestation.SigstoreSettings;
import io.github.pypimaven.attestation.SigstoreTokenSource;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.files.AtomicFiles;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.trust.TrustedPublishingSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PEP 740 publish attestations of the files a release is about to upload, all made and verified before the first
 * upload: an existing {@code <file>.publish.attestation} (from another tool, or an earlier run) is uploaded instead of
 * making a new one; the other files are attested with one Fulcio certificate and one Rekor entry each, and their
 * attestations written next to them. Every attestation, found or made, is verified against the CI identity that
 * Trusted Publishing exchanged, as PyPI will check it; any failure stops the release before anything is sent.
 */
@Named
@Singleton
public class ReleaseAttestations {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseAttestations.class);

    /** Fulcio and Rekor answer in seconds; an upload's long wait (PyPI checks big files for minutes) is not theirs. */
    static final Duration SIGSTORE_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final Attester attester;
    private final AttestationVerifier verifier;
    private final HttpClientFactory httpClients;

    @Inject
    public ReleaseAttestations(Attester attester, AttestationVerifier verifier, HttpClientFactory httpClients) {
        this.attester = attester;
        this.verifier = verifier;
        this.httpClients = httpClients;
    }

    /**
     * The attestations to upload with each of {@code files}, by file name.
     *
     * @param decision why attestations are on, for the failure message's way out
     * @param session  the Trusted Publishing session whose CI identity the attestations must name
     */
    Map<String, FileAttestations> attest(List<Distribution> files, AttestationDecision decision,
            AttestationSettings settings, HttpSettings http, TrustedPublishingSession session) throws PublishException {
        LOG.info("Attestations (PEP 740) are on because {}", decision.reason());
        try {
            SigstoreSettings sigstore = settings.sigstore();
            ExpectedIdentity publisher = ExpectedIdentity.fromClaims(session.identityClaims(), session.providerName()
                    + " (the identity Trusted Publishing exchanged)");
            Map<String, List<Found>> existing = new LinkedHashMap<>();
            List<Distribution> toMake = new ArrayList<>();
            for (Distribution d : files) {
                List<Found> found = read(d);
                // Checked before Sigstore is asked for anything: a bad file must not cost public log entries.
                verify(d, found, List.of(), publisher, sigstore);
                existing.put(d.filename(), found);
                if (!AttestationFiles.hasPublish(d.path(), found.stream().map(Found::file).toList())) {
                    toMake.add(d);
                }
            }
            Map<String, AttestedFile> made = make(toMake, sigstore, http, session);
            Map<String, FileAttestations> result = new LinkedHashMap<>();
            for (Distribution d : files) {
                List<Found> found = existing.get(d.filename());
                AttestedFile fresh = made.get(d.filename());
                if (fresh != null) {
                    verify(d, found, List.of(fresh.attestation()), publisher, sigstore);
                    write(d, fresh);
                }
                result.put(d.filename(), collect(d, fresh, found, sigstore));
            }
            return result;
        } catch (AttestationException e) {
            throw new PublishException(PublishException.Stage.ATTESTATION, "Attestations (PEP 740) failed at the step '"
                    + e.step().label() + "': " + e.getMessage() + "\nNothing was uploaded. Attestations are on"
                    + " because " + decision.reason() + "; set attestations (pypi.attestations) to false to publish"
                    + " without them.", e);
        }
    }

    /** The one line that says why no attestations are made (and that existing attestation files stay unused). */
    void logNone(List<Distribution> files, AttestationDecision decision) {
        LOG.info("No attestations (PEP 740): {}{}", decision.reason(), unused(files));
    }

    /**
     * What a real run would do about attestations, as lines of a plan (the first completes "Dry run: ..."), without
     * contacting Sigstore; fails as a real run would on a bad setting.
     */
    List<String> preview(List<Distribution> files, AttestationDecision decision, AttestationSettings settings)
            throws PublishException {
        if (!decision.on()) {
            return List.of("no attestations (PEP 740) would be made: " + decision.reason() + unused(files));
        }
        try {
            settings.sigstore();
        } catch (AttestationException e) {
            throw new PublishException(PublishException.Stage.ATTESTATION, e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        lines.add("attestations (PEP 740) would be made because " + decision.reason() + ": a signing certificate from "
                + settings.fulcioUrl() + ", a log entry per file in " + settings.rekorUrl() + ", each verified before"
                + " any upload");
        Map<Path, List<Path>> existing = existingFiles(files);
        for (Distribution d : files) {
            List<Path> found = existing.getOrDefault(d.path(), List.of());
            if (!found.isEmpty()) {
                lines.add("  " + d.filename() + ": would upload the existing " + names(found)
                        + (AttestationFiles.hasPublish(d.path(), found) ? " instead of making a new attestation" : ""));
            }
        }
        return lines;
    }

    /** The subject of a file's attestation: its name and sha256, from the one place that knows the digest. */
    static AttestationSubject subject(Distribution distribution) {
        return new AttestationSubject(distribution.filename(), distribution.sha256());
    }

    /** An attestation read from a file next to the distribution. */
    private record Found(Path file, String json, Attestation attestation) {}

    private List<Found> read(Distribution d) throws AttestationException {
        List<Found> found = new ArrayList<>();
        for (Path file : existingFiles(d)) {
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AttestationException(AttestationStep.FORMAT, "The attestation file " + file + " cannot be"
                        + " read (" + e.getClass().getSimpleName() + "): check its permissions, or delete it.", e);
            }
            found.add(new Found(file, json, AttestationJson.read(json, file.toString())));
        }
        return found;
    }

    private static List<Path> existingFiles(Distribution d) {
        return existingFiles(List.of(d)).getOrDefault(d.path(), List.of());
    }

    /** Each distribution's attestation files, by its path; each directory listed once. */
    private static Map<Path, List<Path>> existingFiles(List<Distribution> files) {
        try {
            return AttestationFiles.find(files.stream().map(Distribution::path).toList());
        } catch (IOException e) {
            // The directory was just read for the distributions themselves; if it cannot be listed now, none are there.
            LOG.warn("Could not look for attestation files next to the distributions: {}", e.getMessage());
            return Map.of();
        }
    }

    /** Verifies the existing attestations and the new ones of a file together: each one, and one per predicate type. */
    private void verify(Distribution d, List<Found> found, List<Attestation> fresh, ExpectedIdentity publisher,
            SigstoreSettings sigstore) throws AttestationException {
        if (found.isEmpty() && fresh.isEmpty()) {
            return;
        }
        List<Attestation> all = new ArrayList<>(fresh);
        found.forEach(f -> all.add(f.attestation()));
        try {
            verifier.verifyAll(all, subject(d), publisher, sigstore.trustedRoot());
        } catch (AttestationException e) {
            if (found.isEmpty()) {
                throw e;
            }
            throw new AttestationException(e.step(), e.getMessage() + "\nChecked: " + names(found.stream()
                    .map(Found::file).toList()) + (fresh.isEmpty() ? "" : " and a new publish attestation")
                    + " (an existing <file>.<kind>.attestation, from another tool or an earlier run, is uploaded"
                    + " with the file). Delete a stale or foreign one; without a .publish.attestation file, the"
                    + " plugin makes a new attestation.", e);
        }
    }

    private Map<String, AttestedFile> make(List<Distribution> files, SigstoreSettings sigstore, HttpSettings http,
            TrustedPublishingSession session) throws AttestationException {
        if (files.isEmpty()) {
            return Map.of();
        }
        Duration timeout = http.responseTimeout().compareTo(SIGSTORE_RESPONSE_TIMEOUT) < 0
                ? http.responseTimeout() : SIGSTORE_RESPONSE_TIMEOUT;
        HttpSettings sigstoreHttp = http.withResponseTimeout(timeout);
        try (CloseableHttpClient client = httpClients.create(sigstoreHttp)) {
            SigstoreTokenSource tokens = () -> {
                try {
                    return new SigstoreIdentityToken(session.sigstoreToken(client), session.providerName());
                } catch (TrustedPublishingException e) {
                    throw new AttestationException(AttestationStep.IDENTITY_TOKEN, e.getMessage(), e);
                }
            };
            List<AttestedFile> attested = attester.attest(files.stream().map(ReleaseAttestations::subject).toList(),
                    tokens, client, sigstore);
            Map<String, AttestedFile> byName = new LinkedHashMap<>();
            attested.forEach(a -> byName.put(a.subject().fileName(), a));
            return byName;
        } catch (IOException e) {
            throw new AttestationException(AttestationStep.REKOR, "Could not close the connections to Sigstore: "
                    + e.getMessage(), e);
        }
    }

    /** Writes a new attestation next to its file, as other tools (twine) expect it; the upload carries it anyway. */
    private static void write(Distribution d, AttestedFile fresh) {
        Path target = AttestationFiles.publishFile(d.path());
        try {
            AtomicFiles.write(target, fresh.json().getBytes(StandardCharsets.UTF_8));
            LOG.info("Attested {}: Rekor log index {}, {} (saved as {})", d.filename(), fresh.logIndex(),
                    fresh.entryUrl(), target.getFileName());
        } catch (IOException e) {
            LOG.warn("Attested {}: Rekor log index {}, {}; could not save it as {} ({}), it is uploaded all the same",
                    d.filename(), fresh.logIndex(), fresh.entryUrl(), target, e.getMessage());
        }
    }

    private static FileAttestations collect(Distribution d, AttestedFile fresh, List<Found> found,
            SigstoreSettings sigstore) {
        List<String> json = new ArrayList<>();
        List<AttestationLogEntry> entries = new ArrayList<>();
        if (fresh != null) {
            json.add(fresh.json());
            entries.add(new AttestationLogEntry(fresh.logIndex(), fresh.entryUrl()));
        }
        for (Found f : found) {
            long logIndex = f.attestation().transparencyEntries().get(0).logIndex();
            json.add(f.json());
            entries.add(new AttestationLogEntry(logIndex, sigstore.entryUrl(logIndex)));
            LOG.info("Attestation of {}: the existing {}, Rekor log index {}, {}", d.filename(),
                    f.file().getFileName(), logIndex, sigstore.entryUrl(logIndex));
        }
        return new FileAttestations(json, entries);
    }

    private static String unused(List<Distribution> files) {
        List<Path> unused = existingFiles(files).values().stream().flatMap(List::stream).toList();
        return unused.isEmpty() ? "" : " (so the existing " + names(unused) + " " + (unused.size() == 1 ? "is" : "are")
                + " not uploaded)";
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    }
}
