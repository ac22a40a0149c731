package io.github.pypimaven.attestation;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * An ECDSA P-256 key made for one Fulcio certificate and never stored: Fulcio certifies its public half for ten
 * minutes, and it signs with SHA-256 (the only suite PEP 740 version 1 allows).
 */
public final class EphemeralKey {

    private final KeyPair pair;

    private EphemeralKey(KeyPair pair) {
        this.pair = pair;
    }

    public static EphemeralKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new EphemeralKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot make ECDSA P-256 keys; run Maven on a standard"
                    + " JDK", e);
        }
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** A DER-encoded SHA256withECDSA signature over {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with a freshly made P-256 key failed", e);
        }
    }

    @Override
    public String toString() {
        return "EphemeralKey[P-256]";
    }
}
