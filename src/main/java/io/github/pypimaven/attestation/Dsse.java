package io.github.pypimaven.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DSSE, as PEP 740 uses it: the pre-authentication encoding of an in-toto statement, which is what is signed. */
public final class Dsse {

    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {}

    /** {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}, lengths in ASCII decimal bytes. */
    public static byte[] pae(byte[] payload) {
        byte[] type = PAYLOAD_TYPE.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 64);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
