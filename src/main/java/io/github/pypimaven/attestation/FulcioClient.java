package io.github.pypimaven.attestation;

import io.github.pypimaven.http.AnswerTooLargeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Fulcio's v2 REST API, {@code POST /api/v2/signingCert}, in its JDK-only form: the public key as PEM plus a proof of
 * possession (the token's {@code sub}, or {@code email} for Google, signed with the key). Only the answer with an
 * embedded SCT is accepted, as PyPI verifies that SCT.
 */
@Named
@Singleton
public class FulcioClient {

    static final String PATH = "/api/v2/signingCert";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A certificate for a new ephemeral key, issued for the identity in {@code token}. */
    public SigningCertificate requestCertificate(URI fulcio, SigstoreIdentityToken token, CloseableHttpClient http)
            throws AttestationException {
        String signedClaim = token.checkUsable(Instant.now());
        EphemeralKey key = EphemeralKey.generate();
        URI endpoint = SigstoreHttp.endpoint(fulcio, PATH);
        SigstoreHttp.Reply reply;
        try {
            reply = SigstoreHttp.postJson(http, endpoint, Map.of("Authorization", "Bearer " + token.jwt()),
                    request(token, key, signedClaim));
        } catch (AnswerTooLargeException e) {
            throw failure(fulcio, "its answer is larger than " + SigstoreHttp.MAX_BODY / 1024 + " KiB, which no"
                    + " certificate chain is; check sigstoreFulcioUrl", e);
        } catch (IOException e) {
            throw failure(fulcio, "it could not be reached (" + SigstoreHttp.describe(e) + "). Check the network"
                    + " and the proxy; or set attestations to false to publish without attestations", e);
        }
        if (!reply.ok()) {
            String advice = reply.status() == 401 || reply.status() == 403
                    ? " Fulcio refused the identity token from " + token.source() + "; check that the job may"
                            + " request OIDC tokens (GitHub: 'permissions: id-token: write')"
                    : reply.status() >= 500 ? " This is usually temporary; re-run the job" : "";
            throw failure(fulcio, "it answered HTTP " + reply.status() + " (" + SigstoreHttp.excerpt(reply.body())
                    + ")." + advice, null);
        }
        List<X509Certificate> chain = chain(fulcio, reply.body());
        X509Certificate leaf = chain.get(0);
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), key.publicKey().getEncoded())) {
            throw failure(fulcio, "the certificate it issued is not for the key that was sent", null);
        }
        return new SigningCertificate(leaf, chain.subList(1, chain.size()), key);
    }

    /** The request body; {@code signedClaim} is the value of the claim Fulcio checks the proof of possession over. */
    private static byte[] request(SigstoreIdentityToken token, EphemeralKey key, String signedClaim) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("credentials").put("oidcIdentityToken", token.jwt());
        ObjectNode keyRequest = body.putObject("publicKeyRequest");
        keyRequest.putObject("publicKey").put("algorithm", "ECDSA").put("content", Pem.publicKey(key.publicKey()));
        keyRequest.put("proofOfPossession", Base64.getEncoder()
                .encodeToString(key.sign(signedClaim.getBytes(StandardCharsets.UTF_8))));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("A request of plain strings could not be serialized", e);
        }
    }

    private static List<X509Certificate> chain(URI fulcio, byte[] body) throws AttestationException {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw failure(fulcio, "its answer is not JSON", null);
        }
        if (answer != null && answer.has("signedCertificateDetachedSct")) {
            throw failure(fulcio, "it answered with a detached SCT; PyPI verifies the SCT embedded in the"
                    + " certificate, so this Fulcio cannot be used for PyPI attestations", null);
        }
        JsonNode certificates = answer == null ? null
                : answer.path("signedCertificateEmbeddedSct").path("chain").path("certificates");
        if (certificates == null || !certificates.isArray() || certificates.isEmpty()) {
            throw failure(fulcio, "its answer has no signedCertificateEmbeddedSct.chain.certificates", null);
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (JsonNode pem : certificates) {
                chain.addAll(Pem.parseCertificates(pem.asText()));
            }
        } catch (CertificateException e) {
            throw failure(fulcio, "its answer holds a certificate that cannot be read", e);
        }
        return chain;
    }

    private static AttestationException failure(URI fulcio, String detail, Exception cause) {
        return new AttestationException(AttestationStep.FULCIO, "Could not get a signing certificate from Fulcio at "
                + fulcio + ": " + detail + (detail.endsWith(".") ? "" : "."), cause);
    }
}
