package io.github.pypimaven.testing.oidc;

import io.github.pypimaven.testing.pypi.FakePyPI;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OIDC identity provider on 127.0.0.1 for tests: it signs realistic GitHub Actions, GitLab and Google
 * identity tokens with its own RS256 key, publishes that key (JWKS), and serves the token endpoints the plugin
 * calls: GitHub's runner token service, and Google's metadata server and IAM Credentials API.
 *
 * <p>Tokens claim the real issuers ({@code https://token.actions.githubusercontent.com}, ...) unless
 * {@link #issuer(String)} overrides it, so a fake index can treat them as PyPI does while checking the
 * signature against this issuer's key. Usable from Groovy (no JUnit dependency).
 */
public final class FakeOidcIssuer implements AutoCloseable {

    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    public static final String GITLAB_ISSUER = "https://gitlab.com";
    public static final String GOOGLE_ISSUER = "https://accounts.google.com";

    public static final String GITHUB_TOKEN_PATH = "/github/token";
    public static final String METADATA_PATH = "/computeMetadata/v1/instance/service-accounts/default/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final RSAKey key;
    private volatile String issuerOverride;
    private volatile String githubRequestToken = "ghrt-" + UUID.randomUUID();
    private volatile Map<String, Object> githubEndpointClaims = Map.of();
    private volatile String googleEmail = "publisher@octo-project.iam.gserviceaccount.com";
    private final String googleAccessToken = "ya29.fake-" + UUID.randomUUID();
    private final AtomicInteger githubTokenRequests = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private final AtomicInteger iamRequests = new AtomicInteger();
    private final List<String> issued = new CopyOnWriteArrayList<>();

    private FakeOidcIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    /** Starts on {@code port} (0: any free port) with a new key. */
    public static FakeOidcIssuer start(int port) throws IOException {
        return start(port, null);
    }

    /**
     * Starts with the key in {@code jwkFile}, creating the file with a new key if it does not exist, so that a
     * token signed in one JVM verifies in another that loads the same file.
     */
    public static FakeOidcIssuer start(int port, Path jwkFile) throws IOException {
        RSAKey key = loadOrCreateKey(jwkFile);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        FakeOidcIssuer issuer = new FakeOidcIssuer(server, key);
        server.createContext("/", issuer::handle);
        server.start();
        return issuer;
    }

    private static RSAKey loadOrCreateKey(Path jwkFile) throws IOException {
        try {
            if (jwkFile != null && Files.exists(jwkFile)) {
                return JWKSet.parse(Files.readString(jwkFile)).getKeys().get(0).toRSAKey();
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("fake-" + UUID.randomUUID()).generate();
            if (jwkFile != null) {
                if (jwkFile.getParent() != null) {
                    Files.createDirectories(jwkFile.getParent());
                }
                Files.writeString(jwkFile, new JWKSet(key).toString(false));
            }
            return key;
        } catch (ParseException | JOSEException e) {
            throw new IOException("Cannot read or create the JWK file " + jwkFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}; also the base URL of the fake IAM Credentials API. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public String jwksUrl() {
        return url() + "/.well-known/jwks.json";
    }

    /** The value for {@code GCE_METADATA_HOST}. */
    public String metadataHost() {
        return "127.0.0.1:" + port();
    }

    public String iamBaseUrl() {
        return url();
    }

    /** The public key set, as a verifier needs it. */
    public JWKSet jwkSet() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The issuer ({@code iss}) every token gets from now on; {@code null} restores each provider's real one. */
    public void issuer(String iss) {
        this.issuerOverride = iss;
    }

    // ---- GitHub Actions

    /** The value for {@code ACTIONS_ID_TOKEN_REQUEST_URL}: it already has a query, as GitHub's does. */
    public String githubTokenRequestUrl() {
        return url() + GITHUB_TOKEN_PATH + "?api-version=2.0";
    }

    /** The value for {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}, required as the bearer token. */
    public String githubRequestToken() {
        return githubRequestToken;
    }

    public void githubRequestToken(String token) {
        this.githubRequestToken = token;
    }

    /** Claim overrides for tokens from the GitHub endpoint (a {@code null} value removes the claim). */
    public void githubTokenClaims(Map<String, ?> overrides) {
        this.githubEndpointClaims = Collections.unmodifiableMap(new HashMap<>(overrides));
    }

    public int githubTokenRequests() {
        return githubTokenRequests.get();
    }

    public String githubToken(String audience, Map<String, ?> claimOverrides) {
        Instant now = Instant.now();
        String ref = "refs/tags/v1.0.0";
        String workflow = "octo-org/octo-repo/.github/workflows/release.yml@" + ref;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerOr(GITHUB_ISSUER));
        claims.put("aud", audience);
        claims.put("sub", "repo:octo-org/octo-repo:environment:pypi");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("ref", ref);
        claims.put("sha", "6f3c1b2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a");
        claims.put("repository", "octo-org/octo-repo");
        claims.put("repository_owner", "octo-org");
        claims.put("repository_owner_id", "1342004");
        claims.put("repository_id", "1296269");
        claims.put("repository_visibility", "public");
        claims.put("actor", "octocat");
        claims.put("actor_id", "583231");
        claims.put("run_id", "9876543210");
        claims.put("run_number", "42");
        claims.put("run_attempt", "1");
        claims.put("workflow", "Release");
        claims.put("head_ref", "");
        claims.put("base_ref", "");
        claims.put("event_name", "push");
        claims.put("ref_type", "tag");
        claims.put("ref_protected", "false");
        claims.put("environment", "pypi");
        claims.put("workflow_ref", workflow);
        claims.put("workflow_sha", "6f3c1b2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a");
        claims.put("job_workflow_ref", workflow);
        claims.put("job_workflow_sha", "6f3c1b2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a");
        claims.put("runner_environment", "github-hosted");
        times(claims, now, 300);
        return sign(claims, claimOverrides);
    }

    // ---- GitLab CI/CD

    public String gitlabToken(String audience, Map<String, ?> claimOverrides) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerOr(GITLAB_ISSUER));
        claims.put("aud", audience);
        claims.put("sub", "project_path:group/project:ref_type:branch:ref:main");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("namespace_id", "72");
        claims.put("namespace_path", "group");
        claims.put("project_id", "20");
        claims.put("project_path", "group/project");
        claims.put("user_id", "5");
        claims.put("user_login", "maintainer");
        claims.put("pipeline_id", "1212");
        claims.put("pipeline_source", "push");
        claims.put("job_id", "4242");
        claims.put("ref", "main");
        claims.put("ref_type", "branch");
        claims.put("ref_path", "refs/heads/main");
        claims.put("ref_protected", "true");
        claims.put("ci_config_ref_uri", "gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main");
        claims.put("ci_config_sha", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c");
        claims.put("sha", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c");
        claims.put("runner_id", "1");
        claims.put("runner_environment", "gitlab-hosted");
        times(claims, now, 300);
        return sign(claims, claimOverrides);
    }

    // ---- Google Cloud

    /** The service account email of tokens from the metadata server's identity endpoint. */
    public void googleEmail(String email) {
        this.googleEmail = email;
    }

    /** The access token the fake metadata server hands out and the fake IAM API requires. */
    public String googleAccessToken() {
        return googleAccessToken;
    }

    public int metadataRequests() {
        return metadataRequests.get();
    }

    public int iamRequests() {
        return iamRequests.get();
    }

    public String googleToken(String audience, Map<String, ?> claimOverrides) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerOr(GOOGLE_ISSUER));
        claims.put("aud", audience);
        claims.put("azp", "117634906342787416154");
        claims.put("sub", "117634906342787416154");
        claims.put("email", googleEmail);
        claims.put("email_verified", Boolean.TRUE);
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(3600)));
        return sign(claims, claimOverrides);
    }

    /** Every token this issuer signed, in order (for tests that check no token leaks anywhere). */
    public List<String> issuedTokens() {
        return new ArrayList<>(issued);
    }

    private String issuerOr(String canonical) {
        String override = issuerOverride;
        return override == null ? canonical : override;
    }

    private static void times(Map<String, Object> claims, Instant now, long lifetimeSeconds) {
        claims.put("iat", Date.from(now));
        claims.put("nbf", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(lifetimeSeconds)));
    }

    private String sign(Map<String, Object> defaults, Map<String, ?> overrides) {
        Map<String, Object> claims = new LinkedHashMap<>(defaults);
        if (overrides != null) {
            overrides.forEach((name, value) -> {
                if (value == null) {
                    claims.remove(name);
                } else {
                    claims.put(name, value instanceof Instant instant ? Date.from(instant) : value);
                }
            });
        }
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token: " + e.getMessage(), e);
        }
        String token = jwt.serialize();
        issued.add(token);
        return token;
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, List<String>> query = FakePyPI.queryParams(exchange.getRequestURI().getRawQuery());
            if (method.equals("GET") && path.equals("/.well-known/openid-configuration")) {
                json(exchange, 200, Map.of("issuer", url(), "jwks_uri", jwksUrl()));
            } else if (method.equals("GET") && path.equals("/.well-known/jwks.json")) {
                send(exchange, 200, "application/json", jwkSet().toString(true));
            } else if (method.equals("GET") && path.equals(GITHUB_TOKEN_PATH)) {
                githubEndpoint(exchange, query);
            } else if (method.equals("GET") && path.startsWith(METADATA_PATH)) {
                metadataEndpoint(exchange, path.substring(METADATA_PATH.length()), query);
            } else if (method.equals("POST") && path.startsWith("/v1/projects/-/serviceAccounts/")
                    && path.endsWith(":generateIdToken")) {
                iamEndpoint(exchange, path);
            } else {
                send(exchange, 404, "text/plain", "not found: " + method + " " + path);
            }
        }
    }

    private void githubEndpoint(HttpExchange exchange, Map<String, List<String>> query) throws IOException {
        githubTokenRequests.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "bearer ", 0, 7)
                || !auth.substring(7).equals(githubRequestToken)) {
            json(exchange, 401, Map.of("message", "Bad credentials"));
            return;
        }
        List<String> audience = query.getOrDefault("audience", List.of());
        if (audience.size() != 1 || !query.containsKey("api-version")) {
            json(exchange, 400, Map.of("message", "expected exactly one audience and an api-version, got "
                    + audience.size() + " audience parameters"));
            return;
        }
        json(exchange, 200, Map.of("count", 1, "value", githubToken(audience.get(0), githubEndpointClaims)));
    }

    private void metadataEndpoint(HttpExchange exchange, String what, Map<String, List<String>> query)
            throws IOException {
        metadataRequests.incrementAndGet();
        if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
            send(exchange, 403, "text/html", "<p>Missing required header: Metadata-Flavor</p>");
            return;
        }
        if (what.equals("identity")) {
            List<String> audience = query.getOrDefault("audience", List.of());
            if (audience.size() != 1) {
                send(exchange, 400, "text/html", "<p>non-empty audience parameter required</p>");
                return;
            }
            Map<String, Object> extra = new HashMap<>();
            if (!query.getOrDefault("format", List.of()).contains("full")) {
                extra.put("email", null);
                extra.put("email_verified", null);
            }
            send(exchange, 200, "text/html", googleToken(audience.get(0), extra));
        } else if (what.equals("token")) {
            json(exchange, 200, Map.of("access_token", googleAccessToken, "expires_in", 3599, "token_type", "Bearer"));
        } else {
            send(exchange, 404, "text/html", "not found");
        }
    }

    private void iamEndpoint(HttpExchange exchange, String path) throws IOException {
        iamRequests.incrementAndGet();
        if (!("Bearer " + googleAccessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, Map.of("error", Map.of("code", 401, "message", "Request had invalid authentication"
                    + " credentials.", "status", "UNAUTHENTICATED")));
            return;
        }
        String account = path.substring("/v1/projects/-/serviceAccounts/".length(), path.length()
                - ":generateIdToken".length());
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String audience = body.path("audience").asText("");
        if (audience.isEmpty()) {
            json(exchange, 400, Map.of("error", Map.of("code", 400, "message", "audience is required")));
            return;
        }
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", account);
        if (!body.path("includeEmail").asBoolean(false)) {
            claims.put("email", null);
            claims.put("email_verified", null);
        }
        json(exchange, 200, Map.of("token", googleToken(audience, claims)));
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
