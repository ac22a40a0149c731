package io.github.pypimaven.testing.oidc;

import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.TrustedPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /_/oidc/} endpoints of a fake PyPI, verifying identity tokens the way Warehouse does: the same
 * checks in the same order, with Warehouse's error codes and descriptions. Mount it on any HttpServer under a
 * prefix ending in {@code /_/oidc/}; it answers paths ending in {@code /audience} and {@code /mint-token}.
 * Minted tokens are handed to a sink (with the publisher they were minted for) so that the fake upload endpoint
 * accepts them, and checks attestations against that publisher.
 * Usable from Groovy (no JUnit dependency).
 */
public final class FakeTrustedPublishing implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final Pattern WORKFLOW_FILE = Pattern.compile("[^/]+\\.(yml|yaml)(?=@)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record GitHubPublisher(String owner, String repository, String ownerId, String workflow, String environment) {}

    private record GitLabPublisher(String namespace, String project, String workflowPath, String environment) {}

    private record GooglePublisher(String email, String sub) {}

    private final JWKSource<SecurityContext> keys;
    private final MintSink tokenSink;
    private final Map<String, String> issuers = new HashMap<>(Map.of(
            FakeOidcIssuer.GITHUB_ISSUER, "github",
            FakeOidcIssuer.GITLAB_ISSUER, "gitlab",
            FakeOidcIssuer.GOOGLE_ISSUER, "google"));
    private final Set<String> disabledServices = ConcurrentHashMap.newKeySet();
    private final List<GitHubPublisher> github = new CopyOnWriteArrayList<>();
    private final List<GitLabPublisher> gitlab = new CopyOnWriteArrayList<>();
    private final List<GooglePublisher> google = new CopyOnWriteArrayList<>();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mints = new AtomicInteger();
    private final AtomicInteger mintRequests = new AtomicInteger();
    private final AtomicBoolean failNextMint = new AtomicBoolean();
    private volatile String audience = "pypi";
    private volatile int audienceStatus = 200;
    private volatile String audienceBody;
    private volatile Duration lifetime = Duration.ofSeconds(900);
    private volatile boolean sendExpires = true;
    private volatile Object expiresValue;

    /** Where minted tokens go: the token, when it expires, and the Trusted Publisher it was minted for. */
    @FunctionalInterface
    public interface MintSink {
        void minted(String token, Instant expires, TrustedPublisher publisher);
    }

    private FakeTrustedPublishing(JWKSource<SecurityContext> keys, MintSink tokenSink) {
        this.keys = keys;
        this.tokenSink = tokenSink;
    }

    public FakeTrustedPublishing(JWKSource<SecurityContext> keys, BiConsumer<String, Instant> tokenSink) {
        this(keys, (MintSink) (token, expires, publisher) -> tokenSink.accept(token, expires));
    }

    /** Mints tokens that {@code index} accepts as Trusted Publishing tokens of their publisher. */
    public static FakeTrustedPublishing forIndex(JWKSet keys, FakePyPI index) {
        return new FakeTrustedPublishing(new ImmutableJWKSet<>(keys), index::acceptTrustedPublishingToken);
    }

    /** Verifies against a fixed key set, e.g. {@link FakeOidcIssuer#jwkSet()}. */
    public FakeTrustedPublishing(JWKSet keys, BiConsumer<String, Instant> tokenSink) {
        this(new ImmutableJWKSet<>(keys), tokenSink);
    }

    /** Verifies against keys fetched from a JWKS URL, e.g. {@link FakeOidcIssuer#jwksUrl()} of another JVM. */
    public static FakeTrustedPublishing withJwksUrl(String jwksUrl, BiConsumer<String, Instant> tokenSink)
            throws MalformedURLException {
        return new FakeTrustedPublishing(JWKSourceBuilder.create(new URL(jwksUrl)).retrying(false).build(), tokenSink);
    }

    // ---- configuration

    public FakeTrustedPublishing audience(String value) {
        this.audience = value;
        return this;
    }

    /** 200 (default), 403 (Trusted Publishing disabled, Warehouse's JSON), 404, or any other status (HTML body). */
    public FakeTrustedPublishing audienceStatus(int status) {
        this.audienceStatus = status;
        return this;
    }

    /** A raw body for a 200 audience answer (e.g. not JSON); {@code null} restores the normal one. */
    public FakeTrustedPublishing audienceBody(String body) {
        this.audienceBody = body;
        return this;
    }

    public FakeTrustedPublishing lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    /** Accepts tokens from another issuer URL (e.g. the fake issuer's own) as one of github/gitlab/google. */
    public FakeTrustedPublishing trustIssuer(String iss, String service) {
        issuers.put(iss, service);
        return this;
    }

    /** The admin switch for one service (github, gitlab, google): answers {@code not-enabled}. */
    public FakeTrustedPublishing disable(String service) {
        disabledServices.add(service);
        return this;
    }

    /** A GitHub publisher; {@code environment} null or empty accepts any environment. */
    public FakeTrustedPublishing githubPublisher(String owner, String repository, String ownerId, String workflowFile,
            String environment) {
        github.add(new GitHubPublisher(owner, repository, ownerId, workflowFile,
                environment == null ? "" : environment.toLowerCase(Locale.ROOT)));
        return this;
    }

    /** The publisher matching {@link FakeOidcIssuer#githubToken}'s defaults. */
    public FakeTrustedPublishing defaultGithubPublisher() {
        return githubPublisher("octo-org", "octo-repo", "1342004", "release.yml", "pypi");
    }

    public FakeTrustedPublishing gitlabPublisher(String namespace, String project, String workflowFilepath,
            String environment) {
        gitlab.add(new GitLabPublisher(namespace, project, workflowFilepath, environment == null ? "" : environment));
        return this;
    }

    public FakeTrustedPublishing defaultGitlabPublisher() {
        return gitlabPublisher("group", "project", ".gitlab-ci.yml", null);
    }

    /** A Google publisher; {@code sub} null matches any subject. */
    public FakeTrustedPublishing googlePublisher(String email, String sub) {
        google.add(new GooglePublisher(email, sub == null ? "" : sub));
        return this;
    }

    /** Leaves {@code expires} out of mint answers, as Warehouse did before it added the field. */
    public FakeTrustedPublishing omitExpires() {
        this.sendExpires = false;
        return this;
    }

    /** Sends {@code value} (as Jackson writes it) as {@code expires} in mint answers, in place of the real time. */
    public FakeTrustedPublishing expiresValue(Object value) {
        this.expiresValue = value;
        return this;
    }

    /** The next mint-token request fails with a 503 and an HTML body, as a CDN would. */
    public FakeTrustedPublishing failNextMint() {
        failNextMint.set(true);
        return this;
    }

    /** Successful mints so far. */
    public int mintCount() {
        return mints.get();
    }

    /** All mint-token requests so far, failed ones included. */
    public int mintRequests() {
        return mintRequests.get();
    }

    // ---- HTTP

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.endsWith("/audience")) {
                audience(exchange);
            } else if (method.equals("POST") && path.endsWith("/mint-token")) {
                mint(exchange);
            } else {
                FakeOidcIssuer.send(exchange, 404, "text/html", "<h1>404 Not Found</h1>");
            }
        }
    }

    private void audience(HttpExchange exchange) throws IOException {
        int status = audienceStatus;
        if (status == 200) {
            String raw = audienceBody;
            if (raw != null) {
                FakeOidcIssuer.send(exchange, 200, "text/html", raw);
            } else {
                FakeOidcIssuer.json(exchange, 200, Map.of("audience", audience));
            }
        } else if (status == 403) {
            FakeOidcIssuer.json(exchange, 403, Map.of("message", "Trusted publishing functionality not enabled"));
        } else {
            FakeOidcIssuer.send(exchange, status, "text/html", "<html><body><h1>" + status + "</h1></body></html>");
        }
    }

    private void mint(HttpExchange exchange) throws IOException {
        mintRequests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (failNextMint.getAndSet(false)) {
            FakeOidcIssuer.send(exchange, 503, "text/html",
                    "<html><head><title>503 Service Unavailable</title></head><body>Backend unavailable</body></html>");
            return;
        }
        Refusal refusal;
        try {
            String jwt = payloadToken(body);
            String iss = unverifiedIssuer(jwt);
            String service = issuers.get(iss);
            if (service == null) {
                throw new Refusal("invalid-payload", "unknown trusted publishing issuer");
            }
            if (disabledServices.contains(service)) {
                throw new Refusal("not-enabled", service + " trusted publishing functionality not enabled");
            }
            JWTClaimsSet claims = verify(jwt);
            Object jti = claims.getClaim("jti");
            TrustedPublisher publisher = switch (service) {
                case "github" -> matchGithub(claims);
                case "gitlab" -> matchGitlab(claims);
                default -> matchGoogle(claims);
            };
            if (jti != null && !usedJtis.add(String.valueOf(jti))) {
                throw new Refusal("invalid-reuse-token", "invalid token: already used");
            }
            Instant expires = Instant.now().plus(lifetime);
            String token = "pypi-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            tokenSink.minted(token, expires, publisher);
            mints.incrementAndGet();
            Map<String, Object> answer = new HashMap<>();
            answer.put("success", true);
            answer.put("token", token);
            if (sendExpires) {
                answer.put("expires", expiresValue != null ? expiresValue : expires.getEpochSecond());
            }
            FakeOidcIssuer.json(exchange, 200, answer);
            return;
        } catch (Refusal r) {
            refusal = r;
        }
        FakeOidcIssuer.json(exchange, 422, Map.of("message", "Token request failed",
                "errors", List.of(Map.of("code", refusal.code, "description", refusal.getMessage()))));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String payloadToken(byte[] body) throws Refusal {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new Refusal("invalid-payload", "1 validation error for TokenPayload\n  Invalid JSON [type=json_invalid]");
        }
        if (node == null || !node.isObject() || !node.has("token")) {
            throw new Refusal("invalid-payload", "1 validation error for TokenPayload\ntoken\n  Field required"
                    + " [type=missing]");
        }
        if (!node.get("token").isTextual()) {
            throw new Refusal("invalid-payload", "1 validation error for TokenPayload\ntoken\n  Input should be a valid"
                    + " string [type=string_type]");
        }
        return node.get("token").asText();
    }

    private static String unverifiedIssuer(String jwt) throws Refusal {
        try {
            String iss = SignedJWT.parse(jwt).getJWTClaimsSet().getIssuer();
            if (iss == null) {
                throw new Refusal("invalid-payload", "malformed JWT");
            }
            return iss;
        } catch (ParseException e) {
            throw new Refusal("invalid-payload", "malformed JWT");
        }
    }

    /** Signature (RS256, by key id), required claims, audience (exactly one), time claims with 30 s leeway. */
    private JWTClaimsSet verify(String jwt) throws Refusal {
        Refusal invalid = new Refusal("invalid-token", "malformed or invalid token");
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            String kid = signed.getHeader().getKeyID();
            if (kid == null || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
                throw invalid;
            }
            List<JWK> candidates = keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
            boolean verified = false;
            for (JWK candidate : candidates) {
                verified |= signed.verify(new RSASSAVerifier(candidate.toRSAKey()));
            }
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            Instant now = Instant.now();
            if (!verified || claims.getIssuer() == null || claims.getIssueTime() == null
                    || claims.getExpirationTime() == null || claims.getAudience().size() != 1
                    || !audience.equals(claims.getAudience().get(0))
                    || !claims.getExpirationTime().toInstant().plus(LEEWAY).isAfter(now)
                    || claims.getIssueTime().toInstant().minus(LEEWAY).isAfter(now)
                    || notBeforeInFuture(claims.getNotBeforeTime(), now)) {
                throw invalid;
            }
            return claims;
        } catch (ParseException | JOSEException | RuntimeException e) {
            throw invalid;
        }
    }

    private static boolean notBeforeInFuture(Date nbf, Instant now) {
        return nbf != null && nbf.toInstant().minus(LEEWAY).isAfter(now);
    }

    private TrustedPublisher matchGithub(JWTClaimsSet claims) throws Refusal {
        String repository = text(claims, "repository");
        String jobWorkflowRef = text(claims, "job_workflow_ref");
        if (repository == null || jobWorkflowRef == null || !repository.contains("/")) {
            throw noPublisher("Missing claim '" + (repository == null ? "repository" : "job_workflow_ref") + "'");
        }
        Matcher file = WORKFLOW_FILE.matcher(jobWorkflowRef);
        if (!file.find()) {
            throw noPublisher("Could not job extract workflow filename from OIDC claims");
        }
        String owner = repository.substring(0, repository.indexOf('/'));
        String name = repository.substring(repository.indexOf('/') + 1);
        String environment = text(claims, "environment");
        List<GitHubPublisher> candidates = new ArrayList<>();
        for (GitHubPublisher p : github) {
            if (p.owner.equals(owner) && p.repository.equals(name) && p.ownerId.equals(text(claims, "repository_owner_id"))
                    && p.workflow.equals(file.group())) {
                candidates.add(p);
            }
        }
        GitHubPublisher publisher = byEnvironment(candidates, environment, GitHubPublisher::environment, true);
        if (publisher == null) {
            throw noPublisher("Publisher with matching claims was not found");
        }
        for (String required : List.of("sub", "repository", "repository_owner", "repository_owner_id",
                "job_workflow_ref", "jti", "ref", "sha")) {
            if (claims.getClaim(required) == null) {
                throw noPublisher("Missing claim '" + required + "'");
            }
        }
        if ("pull_request_target".equals(text(claims, "event_name"))) {
            throw noPublisher("Publishing from a workflow invoked via 'pull_request_target' is not supported.");
        }
        String sub = text(claims, "sub");
        String[] parts = sub.split(":");
        if (parts.length < 2 || !(parts[0] + ":" + parts[1]).equalsIgnoreCase("repo:" + owner + "/" + name)) {
            throw noPublisher("Check failed for required claim 'sub'");
        }
        if (!publisher.owner.equals(text(claims, "repository_owner"))) {
            throw noPublisher("Check failed for required claim 'repository_owner'");
        }
        String prefix = publisher.owner + "/" + publisher.repository + "/.github/workflows/" + publisher.workflow + "@";
        Set<String> expected = new HashSet<>();
        for (String ref : new String[] {text(claims, "ref"), text(claims, "sha")}) {
            if (ref != null && !ref.isEmpty()) {
                expected.add(prefix + ref);
            }
        }
        if (!expected.contains(jobWorkflowRef)) {
            throw noPublisher("The job_workflow_ref claim does not match, expecting one of " + expected.stream().sorted()
                    .toList() + ", got '" + jobWorkflowRef + "'");
        }
        return new TrustedPublisher.GitHub(publisher.owner + "/" + publisher.repository, publisher.workflow,
                publisher.environment);
    }

    private TrustedPublisher matchGitlab(JWTClaimsSet claims) throws Refusal {
        String projectPath = text(claims, "project_path");
        String configRef = text(claims, "ci_config_ref_uri");
        if (projectPath == null || configRef == null || !projectPath.contains("/")) {
            throw noPublisher("Missing claim '" + (projectPath == null ? "project_path" : "ci_config_ref_uri") + "'");
        }
        String namespace = projectPath.substring(0, projectPath.lastIndexOf('/'));
        String project = projectPath.substring(projectPath.lastIndexOf('/') + 1);
        int start = configRef.indexOf("//");
        int end = configRef.lastIndexOf('@');
        String file = start >= 0 && end > start + 2 ? configRef.substring(start + 2, end) : "";
        List<GitLabPublisher> candidates = new ArrayList<>();
        for (GitLabPublisher p : gitlab) {
            if (p.namespace.equalsIgnoreCase(namespace) && p.project.equalsIgnoreCase(project)
                    && p.workflowPath.equals(file)) {
                candidates.add(p);
            }
        }
        GitLabPublisher publisher = byEnvironment(candidates, text(claims, "environment"),
                GitLabPublisher::environment, false);
        if (publisher == null) {
            throw noPublisher("Publisher with matching claims was not found");
        }
        for (String required : List.of("sub", "project_path", "ci_config_ref_uri", "jti", "ref_path", "sha")) {
            if (claims.getClaim(required) == null) {
                throw noPublisher("Missing claim '" + required + "'");
            }
        }
        if (!text(claims, "sub").toLowerCase(Locale.ROOT).startsWith(
                ("project_path:" + publisher.namespace + "/" + publisher.project).toLowerCase(Locale.ROOT))) {
            throw noPublisher("Check failed for required claim 'sub'");
        }
        String host = FakeOidcIssuer.GITLAB_ISSUER.substring("https://".length());
        String base = host + "/" + publisher.namespace + "/" + publisher.project + "//" + publisher.workflowPath + "@";
        if (!configRef.equalsIgnoreCase(base + text(claims, "ref_path"))
                && !configRef.equalsIgnoreCase(base + text(claims, "sha"))) {
            throw noPublisher("The ci_config_ref_uri claim does not match, expecting one of ['" + base
                    + text(claims, "ref_path") + "', '" + base + text(claims, "sha") + "'], got '" + configRef + "'");
        }
        return new TrustedPublisher.GitLab(publisher.namespace + "/" + publisher.project, publisher.workflowPath,
                publisher.environment);
    }

    private TrustedPublisher matchGoogle(JWTClaimsSet claims) throws Refusal {
        String email = text(claims, "email");
        if (email == null) {
            throw noPublisher("Missing claim 'email'");
        }
        String sub = text(claims, "sub");
        GooglePublisher publisher = null;
        for (GooglePublisher p : google) {
            if (p.email.equals(email) && (p.sub.isEmpty() || p.sub.equals(sub))) {
                if (publisher == null || !p.sub.isEmpty()) {
                    publisher = p; // the one constrained on sub is the more specific one
                }
            }
        }
        if (publisher == null) {
            throw noPublisher("Publisher with matching claims was not found");
        }
        if (claims.getClaim("email_verified") == null) {
            throw noPublisher("Missing claim 'email_verified'");
        }
        if (!Boolean.TRUE.equals(claims.getClaim("email_verified"))) {
            throw noPublisher("Check failed for required claim 'email_verified'");
        }
        return new TrustedPublisher.Google(publisher.email);
    }

    /** Warehouse prefers the publisher of the token's environment, else one without an environment. */
    private static <P> P byEnvironment(List<P> candidates, String environment,
            Function<P, String> env, boolean caseInsensitive) {
        if (environment != null && !environment.isEmpty()) {
            String wanted = caseInsensitive ? environment.toLowerCase(Locale.ROOT) : environment;
            for (P p : candidates) {
                if (env.apply(p).equals(wanted)) {
                    return p;
                }
            }
        }
        for (P p : candidates) {
            if (env.apply(p).isEmpty()) {
                return p;
            }
        }
        return null;
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : String.valueOf(value);
    }

    private static Refusal noPublisher(String detail) {
        return new Refusal("invalid-publisher", "valid token, but no corresponding publisher (" + detail + ")");
    }

    /** A 422 answer: Warehouse's error code and description. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        Refusal(String code, String description) {
            super(description, null, false, false);
            this.code = code;
        }
    }
}
