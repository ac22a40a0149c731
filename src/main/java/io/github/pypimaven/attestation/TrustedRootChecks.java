package io.github.pypimaven.attestation;

import static io.github.pypimaven.attestation.AttestationException.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need a Sigstore trusted root: the certificate chains to a Fulcio CA trusted at signing time, its SCT
 * was signed by a trusted CT log, and the entry's SET and checkpoint were signed by the trusted Rekor log.
 */
final class TrustedRootChecks {

    private TrustedRootChecks() {}

    static void check(TransparencyEntry entry, X509Certificate certificate, TrustedRoot root, String file)
            throws AttestationException {
        Instant signingTime = Instant.ofEpochSecond(entry.integratedTime());
        X509Certificate issuer = checkChain(certificate, root, signingTime, file);
        Optional<String> sct = EmbeddedScts.problem(certificate, issuer, root);
        if (sct.isPresent()) {
            throw verification(AttestationStep.SCT, file, sct.get());
        }
        TrustedRoot.LogKey log = root.transparencyLog(entry.logKeyId()).orElseThrow(() -> verification(
                AttestationStep.SET, file, "the entry is from the log " + Base64.getEncoder().encodeToString(
                        entry.logKeyId()) + ", which is not in the trusted root"));
        if (!log.validFor().contains(signingTime)) {
            throw verification(AttestationStep.SET, file, "the trusted root trusts the log " + log.baseUrl()
                    + " only from " + log.validFor().start() + log.validFor().end().map(e -> " to " + e).orElse("")
                    + ", not at " + signingTime);
        }
        checkSet(entry, log, file);
        checkCheckpoint(entry, log, file);
    }

    /** Returns the certificate that issued the leaf. */
    private static X509Certificate checkChain(X509Certificate leaf, TrustedRoot root, Instant time, String file)
            throws AttestationException {
        List<String> failures = new ArrayList<>();
        for (TrustedRoot.CertificateAuthority ca : root.certificateAuthorities()) {
            if (!ca.validFor().contains(time)) {
                continue;
            }
            List<X509Certificate> path = new ArrayList<>();
            path.add(leaf);
            path.addAll(ca.chain().subList(0, ca.chain().size() - 1));
            try {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.chain().get(ca.chain().size()
                        - 1), null)));
                parameters.setRevocationEnabled(false);
                parameters.setDate(Date.from(time));
                CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                        .generateCertPath(path), parameters);
                return ca.chain().get(0);
            } catch (GeneralSecurityException e) {
                failures.add(ca.uri() + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            }
        }
        throw verification(AttestationStep.CERTIFICATE_CHAIN, file, failures.isEmpty()
                ? "no certificate authority of the trusted root was valid at the signing time " + time
                : "the certificate does not chain to a certificate authority of the trusted root at " + time + " ("
                        + String.join("; ", failures) + ")");
    }

    /** Rekor's signature over {@code {"body":…,"integratedTime":…,"logID":…,"logIndex":…}} (RFC 8785 JSON). */
    private static void checkSet(TransparencyEntry entry, TrustedRoot.LogKey log, String file)
            throws AttestationException {
        if (entry.signedEntryTimestamp().length == 0) {
            throw verification(AttestationStep.SET, file, "the entry has no signed entry timestamp, so its time"
                    + " cannot be trusted");
        }
        String payload = "{\"body\":\"" + Base64.getEncoder().encodeToString(entry.canonicalizedBody())
                + "\",\"integratedTime\":" + entry.integratedTime() + ",\"logID\":\""
                + HexFormat.of().formatHex(entry.logKeyId()) + "\",\"logIndex\":" + entry.logIndex() + "}";
        if (!verifies(log, payload.getBytes(StandardCharsets.UTF_8), entry.signedEntryTimestamp())) {
            throw verification(AttestationStep.SET, file, "the signed entry timestamp does not verify with the key of"
                    + " the log " + log.baseUrl());
        }
    }

    private static void checkCheckpoint(TransparencyEntry entry, TrustedRoot.LogKey log, String file)
            throws AttestationException {
        // The keyless checks already parsed the checkpoint and matched it to the inclusion proof.
        SignedCheckpoint checkpoint = SignedCheckpoint.parse(entry.inclusionProof().orElseThrow().checkpoint());
        byte[] hint = Arrays.copyOf(log.keyId(), 4);
        List<SignedCheckpoint.Signature> byLog = checkpoint.signatures().stream()
                .filter(s -> Arrays.equals(s.keyHint(), hint)).toList();
        if (byLog.isEmpty()) {
            throw verification(AttestationStep.CHECKPOINT, file, "the checkpoint has no signature by the log "
                    + log.baseUrl());
        }
        for (SignedCheckpoint.Signature signature : byLog) {
            if (verifies(log, checkpoint.signedBytes(), signature.signature())) {
                return;
            }
        }
        throw verification(AttestationStep.CHECKPOINT, file, "the checkpoint's signature does not verify with the key"
                + " of the log " + log.baseUrl());
    }

    private static boolean verifies(TrustedRoot.LogKey log, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(log.algorithm());
            verifier.initVerify(log.key());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
