package io.github.pypimaven.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.http.HttpAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The Google Cloud identity: the attached service account's ID token from the metadata server, or, when
 * {@code GOOGLE_SERVICE_ACCOUNT_NAME} is set, an ID token of that account obtained by impersonation through
 * the IAM Credentials API.
 */
public final class GoogleCloudIdentity implements CiIdentityProvider {

    public static final URI PRODUCTION_IAM = URI.create("https://iamcredentials.googleapis.com");
    static final String METADATA_PATH = "/computeMetadata/v1/instance/service-accounts/default/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> METADATA_FLAVOR = Map.of("Metadata-Flavor", "Google");

    private final URI iamBaseUrl;

    public GoogleCloudIdentity(URI iamBaseUrl) {
        this.iamBaseUrl = iamBaseUrl;
    }

    @Override
    public String name() {
        return "Google Cloud";
    }

    @Override
    public String oidcToken(String audience, Environment env, CloseableHttpClient http)
            throws TrustedPublishingException {
        return token(audience, env, http, TokenPurpose.TRUSTED_PUBLISHING);
    }

    /** The same account's token for Sigstore; it carries the e-mail, which Fulcio certifies and PyPI checks. */
    @Override
    public String sigstoreToken(Environment env, CloseableHttpClient http) throws TrustedPublishingException {
        return token(SIGSTORE_AUDIENCE, env, http, TokenPurpose.SIGSTORE);
    }

    private String token(String audience, Environment env, CloseableHttpClient http, TokenPurpose purpose)
            throws TrustedPublishingException {
        String host = env.get("GCE_METADATA_HOST").orElse("metadata.google.internal");
        Optional<String> account = env.get("GOOGLE_SERVICE_ACCOUNT_NAME");
        return account.isPresent()
                ? impersonated(host, account.get(), audience, http, purpose)
                : direct(host, audience, http, purpose);
    }

    private String direct(String host, String audience, CloseableHttpClient http, TokenPurpose purpose)
            throws TrustedPublishingException {
        URI url = URI.create("http://" + host + METADATA_PATH + "identity?audience="
                + URLEncoder.encode(audience, StandardCharsets.UTF_8) + "&format=full");
        HttpAnswer reply = call(() -> PlainHttp.getDirect(http, url, METADATA_FLAVOR), "the metadata server at " + host,
                purpose);
        if (!reply.ok() || reply.body().isBlank()) {
            throw new TrustedPublishingException(purpose.failure() + ": the Google metadata server at " + host
                    + " gave no identity token (" + reply.status() + ": " + PlainHttp.excerpt(reply.body()) + ")."
                    + " Attach a service account to this VM or workload, or set GOOGLE_SERVICE_ACCOUNT_NAME to an"
                    + " account it may impersonate.");
        }
        return reply.body().strip();
    }

    private String impersonated(String host, String account, String audience, CloseableHttpClient http,
            TokenPurpose purpose) throws TrustedPublishingException {
        URI tokenUrl = URI.create("http://" + host + METADATA_PATH
                + "token?scopes=https://www.googleapis.com/auth/cloud-platform");
        HttpAnswer access = call(() -> PlainHttp.getDirect(http, tokenUrl, METADATA_FLAVOR),
                "the metadata server at " + host, purpose);
        String accessToken = field(access, "access_token");
        if (accessToken == null) {
            throw new TrustedPublishingException(purpose.failure() + ": the Google metadata server at " + host
                    + " gave no access token (" + access.status() + "), so the service account " + account
                    + " (GOOGLE_SERVICE_ACCOUNT_NAME) cannot be impersonated. Attach a service account to this"
                    + " workload.");
        }
        URI generate = iamBaseUrl.resolve("/v1/projects/-/serviceAccounts/"
                + URLEncoder.encode(account, StandardCharsets.UTF_8) + ":generateIdToken");
        ObjectNode body = JSON.createObjectNode().put("audience", audience).put("includeEmail", true);
        HttpAnswer id = call(() -> PlainHttp.postJson(http, generate,
                Map.of("Authorization", "Bearer " + accessToken), body.toString()),
                "the IAM Credentials API at " + generate.getHost(), purpose);
        String token = field(id, "token");
        if (token == null) {
            throw new TrustedPublishingException(purpose.failure() + ": the IAM Credentials API refused an ID"
                    + " token for " + account + " (GOOGLE_SERVICE_ACCOUNT_NAME) with " + id.status() + " ("
                    + PlainHttp.excerpt(id.body()) + "). Grant this workload's service account the role"
                    + " 'Service Account OpenID Connect Identity Token Creator' on " + account + ".");
        }
        return token;
    }

    private static String field(HttpAnswer reply, String name) {
        if (!reply.ok()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(reply.body()).get(name);
            return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
        } catch (IOException e) {
            return null; // the parser's message could quote the secret
        }
    }

    private interface Call {
        HttpAnswer run() throws IOException, TrustedPublishingException;
    }

    private static HttpAnswer call(Call call, String what, TokenPurpose purpose)
            throws TrustedPublishingException {
        try {
            return call.run();
        } catch (IOException e) {
            throw new TrustedPublishingException(purpose.failure() + ": could not reach " + what + " ("
                    + e.getMessage() + "). Is this running on Google Cloud? Outside it, use an API token.", e);
        }
    }

    @Override
    public List<String> matchedClaims() {
        return List.of("email", "email_verified", "sub");
    }

    @Override
    public Map<String, String> publisherForm(OidcClaims claims) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Email", claims.textOrMissing("email"));
        form.put("Subject (optional)", claims.textOrMissing("sub"));
        return form;
    }

    @Override
    public String publisherHint() {
        return "The publisher's email must be the service account's email exactly, and the account's email must"
                + " be verified (email_verified: true).";
    }
}
