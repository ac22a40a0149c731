package io.github.pypimaven.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed certificate timestamps (RFC 6962) Fulcio embeds in its certificates: proof that the certificate was
 * submitted to a certificate-transparency log. Each SCT signs the precertificate, which is the certificate's
 * to-be-signed part without the SCT extension, bound to the issuer's key.
 */
final class EmbeddedScts {

    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";

    private EmbeddedScts() {}

    /** Empty when an SCT verifies with a CT log key of {@code root} valid at its time; else why none did. */
    static Optional<String> problem(X509Certificate leaf, X509Certificate issuer, TrustedRoot root) {
        byte[] extension = leaf.getExtensionValue(SCT_LIST_OID);
        if (extension == null) {
            return Optional.of("the certificate has no embedded SCT");
        }
        List<String> reasons = new ArrayList<>();
        try {
            byte[] signedEntry = precertEntry(leaf, issuer);
            ByteBuffer list = ByteBuffer.wrap(Der.octetString(Der.octetString(extension)));
            int total = list.getShort() & 0xFFFF;
            if (total != list.remaining()) {
                return Optional.of("the certificate's SCT list is malformed");
            }
            while (list.hasRemaining()) {
                byte[] sct = new byte[list.getShort() & 0xFFFF];
                list.get(sct);
                Optional<String> reason = verifyOne(ByteBuffer.wrap(sct), signedEntry, root);
                if (reason.isEmpty()) {
                    return Optional.empty();
                }
                reasons.add(reason.get());
            }
        } catch (RuntimeException e) {
            return Optional.of("the certificate's SCT list is malformed");
        }
        return Optional.of(reasons.isEmpty() ? "the certificate's SCT list is empty" : String.join("; ", reasons));
    }

    private static Optional<String> verifyOne(ByteBuffer sct, byte[] signedEntry, TrustedRoot root) {
        int version = sct.get();
        byte[] logId = new byte[32];
        sct.get(logId);
        long timestamp = sct.getLong();
        byte[] extensions = new byte[sct.getShort() & 0xFFFF];
        sct.get(extensions);
        int hash = sct.get();
        int algorithm = sct.get();
        byte[] signature = new byte[sct.getShort() & 0xFFFF];
        sct.get(signature);
        if (version != 0 || sct.hasRemaining()) {
            return Optional.of("an SCT is not a version 1 SCT");
        }
        Optional<TrustedRoot.LogKey> log = root.ctLog(logId);
        if (log.isEmpty()) {
            return Optional.of("an SCT is from a CT log that is not in the trusted root");
        }
        Instant time = Instant.ofEpochMilli(timestamp);
        if (!log.get().validFor().contains(time)) {
            return Optional.of("an SCT is from CT log " + log.get().baseUrl() + " at " + time
                    + ", outside the time the trusted root trusts that log");
        }
        if (hash != 4 || (algorithm != 3 && algorithm != 1)) {
            return Optional.of("an SCT is not signed with SHA-256 and ECDSA or RSA");
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0); // sct_version v1
        signed.write(0); // signature_type certificate_timestamp
        signed.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        signed.writeBytes(new byte[] {0, 1}); // entry_type precert_entry
        signed.writeBytes(signedEntry);
        signed.writeBytes(new byte[] {(byte) (extensions.length >> 8), (byte) extensions.length});
        signed.writeBytes(extensions);
        try {
            Signature verifier = Signature.getInstance(log.get().algorithm());
            verifier.initVerify(log.get().key());
            verifier.update(signed.toByteArray());
            return verifier.verify(signature) ? Optional.empty()
                    : Optional.of("the SCT from CT log " + log.get().baseUrl() + " does not verify");
        } catch (GeneralSecurityException e) {
            return Optional.of("the SCT from CT log " + log.get().baseUrl() + " cannot be verified");
        }
    }

    /** {@code issuer_key_hash[32] ‖ opaque TBSCertificate<1..2^24-1>}, the TBS without the SCT list. */
    private static byte[] precertEntry(X509Certificate leaf, X509Certificate issuer) {
        try {
            byte[] tbs = withoutExtension(leaf.getTBSCertificate(), SCT_LIST_OID);
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            entry.writeBytes(MessageDigest.getInstance("SHA-256").digest(issuer.getPublicKey().getEncoded()));
            entry.writeBytes(new byte[] {(byte) (tbs.length >> 16), (byte) (tbs.length >> 8), (byte) tbs.length});
            entry.writeBytes(tbs);
            return entry.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate cannot be re-encoded");
        }
    }

    /** A TBSCertificate's DER with one extension taken out of its {@code [3]} extensions. */
    static byte[] withoutExtension(byte[] tbs, String oid) {
        List<byte[]> fields = new ArrayList<>();
        for (Der.Tlv field : Der.parse(tbs).children()) {
            if (field.tag() != 0xA3) {
                fields.add(field.encoded());
                continue;
            }
            List<byte[]> kept = new ArrayList<>();
            for (Der.Tlv extension : Der.parse(field.value()).children()) {
                Der.Tlv id = extension.children().get(0);
                if (id.tag() != Der.OID || !Der.oid(id.value()).equals(oid)) {
                    kept.add(extension.encoded());
                }
            }
            fields.add(Der.encode(0xA3, Der.encode(Der.SEQUENCE, Der.concat(kept))));
        }
        return Der.encode(Der.SEQUENCE, Der.concat(fields));
    }
}
