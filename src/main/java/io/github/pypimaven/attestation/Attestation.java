package io.github.pypimaven.attestation;

import java.util.List;

/**
 * A PEP 740 attestation object, version 1: the signing certificate, the transparency log entries (only the first is
 * verified, as PyPI does) and the envelope (the statement bytes exactly as signed, and the signature). JSON reading and
 * writing is {@link AttestationJson}'s.
 *
 * @param certificate        the DER of the Fulcio leaf certificate
 * @param transparencyEntries at least one
 * @param statement          the in-toto statement bytes that were signed
 * @param signature          the DER ECDSA signature over the statement's DSSE pre-authentication encoding
 */
public record Attestation(byte[] certificate, List<TransparencyEntry> transparencyEntries, byte[] statement,
        byte[] signature) {

    public static final int VERSION = 1;

    public Attestation {
        transparencyEntries = List.copyOf(transparencyEntries);
        if (transparencyEntries.isEmpty()) {
            throw new IllegalArgumentException("an attestation needs at least one transparency entry");
        }
    }
}
