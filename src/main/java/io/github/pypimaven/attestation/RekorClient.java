package io.github.pypimaven.attestation;

import io.github.pypimaven.http.AnswerTooLargeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Rekor's v1 API for {@code dsse} 0.0.1 entries: {@code POST /api/v1/log/entries} with the envelope and the signing
 * certificate, and, when the answer has no inclusion proof yet, {@code GET /api/v1/log/entries/<uuid>} until it has.
 * (sigstore-java cannot write this kind of entry, and PyPI does not accept Rekor v2 entries yet.)
 */
@Named
@Singleton
public class RekorClient {

    static final String ENTRIES = "/api/v1/log/entries";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Logs {@code signature} over the DSSE envelope of {@code statement}, made with {@code leaf}'s key. */
    public TransparencyEntry submit(URI rekor, byte[] statement, byte[] signature, X509Certificate leaf,
            CloseableHttpClient http, SigstoreSettings settings) throws AttestationException {
        SigstoreHttp.Reply reply = exchange(rekor, () -> SigstoreHttp.postJson(http,
                SigstoreHttp.endpoint(rekor, ENTRIES), Map.of(), proposal(statement, signature, leaf)));
        if (reply.status() != 201 && reply.status() != 200) {
            String advice = reply.status() == 409 ? " The log already holds this signature."
                    : reply.status() >= 500 ? " This is usually temporary; re-run the job."
                    : " Rekor refused the entry it was sent.";
            throw failure(rekor, "it answered HTTP " + reply.status() + " (" + SigstoreHttp.excerpt(reply.body())
                    + ")." + advice, null);
        }
        Map.Entry<String, JsonNode> answer = single(rekor, reply.body());
        int polls = 0;
        while (!answer.getValue().path("verification").has("inclusionProof")) {
            if (polls++ >= settings.inclusionPolls()) {
                throw failure(rekor, "entry " + answer.getKey() + " still has no inclusion proof after " + polls
                        + " requests; PyPI needs one. Re-run the job, or set attestations to false to publish"
                        + " without attestations", null);
            }
            pause(rekor, settings);
            URI entry = SigstoreHttp.endpoint(rekor, ENTRIES + "/" + answer.getKey());
            SigstoreHttp.Reply again = exchange(rekor, () -> SigstoreHttp.get(http, entry));
            if (again.ok()) {
                answer = single(rekor, again.body());
            } else if (again.status() < 500 && again.status() != 404) {
                throw failure(rekor, "reading entry " + answer.getKey() + " back, it answered HTTP "
                        + again.status() + " (" + SigstoreHttp.excerpt(again.body()) + ")", null);
            }
        }
        try {
            return RekorEntries.fromV1(answer.getValue());
        } catch (IllegalArgumentException e) {
            throw failure(rekor, "its answer for entry " + answer.getKey() + " is malformed: " + e.getMessage(), e);
        }
    }

    /** The proposed {@code dsse} entry: the envelope as a JSON string, the certificate as base64 of its PEM. */
    static byte[] proposal(byte[] statement, byte[] signature, X509Certificate leaf) {
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("payload", base64.encodeToString(statement));
        envelope.put("payloadType", Dsse.PAYLOAD_TYPE);
        envelope.putArray("signatures").addObject().put("sig", base64.encodeToString(signature));
        ObjectNode proposal = JSON.createObjectNode();
        proposal.put("kind", "dsse").put("apiVersion", "0.0.1");
        ObjectNode content = proposal.putObject("spec").putObject("proposedContent");
        content.put("envelope", envelope.toString());
        content.putArray("verifiers").add(base64.encodeToString(
                Pem.certificate(leaf).getBytes(StandardCharsets.US_ASCII)));
        return proposal.toString().getBytes(StandardCharsets.UTF_8);
    }

    private interface Call {
        SigstoreHttp.Reply run() throws IOException;
    }

    private static SigstoreHttp.Reply exchange(URI rekor, Call call) throws AttestationException {
        try {
            return call.run();
        } catch (AnswerTooLargeException e) {
            throw failure(rekor, "its answer is larger than " + SigstoreHttp.MAX_BODY / 1024 + " KiB, which no log"
                    + " entry is; check sigstoreRekorUrl", e);
        } catch (IOException e) {
            throw failure(rekor, "it could not be reached (" + SigstoreHttp.describe(e) + "). Check the network and"
                    + " the proxy; or set attestations to false to publish without attestations", e);
        }
    }

    /** The one {@code {"<uuid>": {...}}} member of an answer. */
    private static Map.Entry<String, JsonNode> single(URI rekor, byte[] body) throws AttestationException {
        try {
            JsonNode answer = JSON.readTree(body);
            Iterator<Map.Entry<String, JsonNode>> fields = answer == null ? null : answer.fields();
            if (fields != null && fields.hasNext()) {
                Map.Entry<String, JsonNode> first = fields.next();
                if (!fields.hasNext() && first.getValue().isObject()) {
                    return first;
                }
            }
        } catch (IOException e) {
            // reported below
        }
        throw failure(rekor, "its answer is not one log entry keyed by its UUID", null);
    }

    private static void pause(URI rekor, SigstoreSettings settings) throws AttestationException {
        try {
            Thread.sleep(settings.inclusionPollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(rekor, "interrupted while waiting for the inclusion proof", e);
        }
    }

    private static AttestationException failure(URI rekor, String detail, Exception cause) {
        return new AttestationException(AttestationStep.REKOR, "Could not record the signature in Rekor at " + rekor
                + ": " + detail + (detail.endsWith(".") ? "" : "."), cause);
    }
}
