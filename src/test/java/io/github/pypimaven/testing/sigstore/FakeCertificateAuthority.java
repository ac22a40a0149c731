package io.github.pypimaven.testing.sigstore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test Fulcio CA: a P-384 root and intermediate (as Sigstore's), and a P-256 certificate-transparency log key. It
 * issues leaf certificates shaped like Fulcio's (empty subject, critical SAN, code signing, the Sigstore OID
 * extensions as DER UTF8Strings) with an SCT embedded the RFC 6962 way: the CT key signs the precertificate, the
 * to-be-signed part without the SCT extension, which is then added last.
 */
public final class FakeCertificateAuthority {

    static final String SIGSTORE_OID = "1.3.6.1.4.1.57264.1.";
    static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair rootKey = keyPair("secp384r1");
    private final KeyPair intermediateKey = keyPair("secp384r1");
    private final KeyPair ctKey = keyPair("secp256r1");
    private final Instant validFrom;
    private final X509Certificate root;
    private final X509Certificate intermediate;

    /** What a leaf certifies: a URI or e-mail SAN, and Sigstore extensions by their last OID arc. */
    public record LeafIdentity(GeneralName san, Map<Integer, String> extensions) {}

    public FakeCertificateAuthority() {
        validFrom = Instant.now().minusSeconds(3600);
        Instant until = Instant.now().plusSeconds(24 * 3600);
        try {
            X500Name rootName = new X500Name("O=pypi-maven-plugin tests,CN=fake-sigstore");
            root = sign(new JcaX509v3CertificateBuilder(rootName, serial(), Date.from(validFrom), Date.from(until),
                    rootName, rootKey.getPublic()).addExtension(Extension.basicConstraints, true,
                            new BasicConstraints(1)).addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), rootKey);
            intermediate = sign(new JcaX509v3CertificateBuilder(rootName, serial(), Date.from(validFrom),
                    Date.from(until), new X500Name("O=pypi-maven-plugin tests,CN=fake-sigstore-intermediate"),
                    intermediateKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning))
                    .addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils()
                            .createAuthorityKeyIdentifier(root)), rootKey);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make the test CA: " + e, e);
        }
    }

    /** Since when the CA and the CT log are valid (an hour before this CA was made). */
    public Instant validFrom() {
        return validFrom;
    }

    /** The intermediate first, the root last, as a trusted root lists them. */
    public List<X509Certificate> chain() {
        return List.of(intermediate, root);
    }

    public PublicKey ctLogKey() {
        return ctKey.getPublic();
    }

    /** A leaf for {@code key}, valid from {@code notBefore} to {@code notAfter}, with an embedded SCT. */
    public X509Certificate issue(PublicKey key, LeafIdentity identity, Instant notBefore, Instant notAfter) {
        try {
            BigInteger serial = serial();
            X509CertificateHolder precert = leafBuilder(key, identity, serial, notBefore, notAfter)
                    .build(signer(intermediateKey));
            byte[] sctList = sctList(precert.toASN1Structure().getTBSCertificate().getEncoded(), notBefore);
            X509v3CertificateBuilder leaf = leafBuilder(key, identity, serial, notBefore, notAfter)
                    .addExtension(SCT_LIST, false, new DEROctetString(sctList));
            return sign(leaf, intermediateKey);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a test certificate: " + e, e);
        }
    }

    private X509v3CertificateBuilder leafBuilder(PublicKey key, LeafIdentity identity, BigInteger serial,
            Instant notBefore, Instant notAfter) throws IOException, GeneralSecurityException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()), serial,
                Date.from(notBefore), Date.from(notAfter), new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), key)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(intermediate))
                .addExtension(Extension.subjectAlternativeName, true, new GeneralNames(identity.san()));
        for (var extension : new java.util.TreeMap<>(identity.extensions()).entrySet()) {
            builder.addExtension(new ASN1ObjectIdentifier(SIGSTORE_OID + extension.getKey()), false,
                    new DERUTF8String(extension.getValue()));
        }
        return builder;
    }

    /** A TLS-encoded SignedCertificateTimestampList with one v1 SCT over the precertificate. */
    private byte[] sctList(byte[] tbs, Instant time) throws GeneralSecurityException {
        long timestamp = time.toEpochMilli();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0);
        signed.write(0);
        signed.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        signed.writeBytes(new byte[] {0, 1});
        signed.writeBytes(MessageDigest.getInstance("SHA-256").digest(intermediate.getPublicKey().getEncoded()));
        signed.writeBytes(new byte[] {(byte) (tbs.length >> 16), (byte) (tbs.length >> 8), (byte) tbs.length});
        signed.writeBytes(tbs);
        signed.writeBytes(new byte[] {0, 0});
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(ctKey.getPrivate());
        ecdsa.update(signed.toByteArray());
        byte[] signature = ecdsa.sign();
        ByteArrayOutputStream sct = new ByteArrayOutputStream();
        sct.write(0);
        sct.writeBytes(MessageDigest.getInstance("SHA-256").digest(ctKey.getPublic().getEncoded()));
        sct.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        sct.writeBytes(new byte[] {0, 0});
        sct.write(4); // sha256
        sct.write(3); // ecdsa
        sct.writeBytes(new byte[] {(byte) (signature.length >> 8), (byte) signature.length});
        sct.writeBytes(signature);
        byte[] one = sct.toByteArray();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        int total = one.length + 2;
        list.writeBytes(new byte[] {(byte) (total >> 8), (byte) total, (byte) (one.length >> 8), (byte) one.length});
        list.writeBytes(one);
        return list.toByteArray();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair key)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    }

    private static ContentSigner signer(KeyPair key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA384withECDSA").build(key.getPrivate());
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM);
    }

    static KeyPair keyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
