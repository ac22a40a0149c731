package io.github.pypimaven.trust;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.ci.ForeignText;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a CI identity token, read without checking the signature (the index does that; the client
 * only wants early, clear failures and a diagnosis), so decoding is base64url and JSON, no JOSE library. Claims
 * are not secret; the token itself is, so it is never kept here.
 */
public record OidcClaims(Map<String, Object> values) {

    public static final String MISSING = "MISSING";

    /** RFC 7519's NumericDate claims: seconds since the epoch, kept here as instants. */
    private static final List<String> DATES = List.of("exp", "iat", "nbf");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    public OidcClaims {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static OidcClaims decode(String jwt, String providerName) throws TrustedPublishingException {
        return parse(jwt).orElseThrow(() -> new TrustedPublishingException("Trusted Publishing failed: the identity"
                + " token from " + providerName + " is not a valid JWT (it must be three base64url parts with a JSON"
                + " claims object). This points to a problem in the CI environment; retry the job, and if it persists,"
                + " check that nothing in the job overrides the token source."));
    }

    /**
     * The claims of a JWT, read without checking its signature; empty when it is not three base64url parts with JSON
     * objects and well-typed {@code exp}/{@code iat}/{@code nbf}/{@code aud}. Callers say what that means for them.
     */
    public static Optional<OidcClaims> parse(String jwt) {
        try {
            String[] parts = jwt.strip().split("\\.", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            jsonObject(parts[0]); // the header: a JWT's, even if nothing here reads it
            Map<String, Object> claims = jsonObject(parts[1]);
            for (String name : DATES) {
                Object value = claims.get(name);
                if (value instanceof Number seconds) {
                    claims.put(name, Instant.ofEpochSecond(seconds.longValue()));
                } else if (value != null) {
                    throw new IllegalArgumentException(name + " is not a number");
                }
            }
            Object aud = claims.get("aud");
            if (aud != null && !(aud instanceof String) && !(aud instanceof List<?>)) {
                throw new IllegalArgumentException("aud is neither a string nor a list");
            }
            return Optional.of(new OidcClaims(claims));
        } catch (IOException | RuntimeException e) {
            // The parser's message may quote parts of the token, so neither it nor the cause is passed on.
            return Optional.empty();
        }
    }

    /** One part of the token, decoded; fails unless it is base64url of a JSON object. */
    private static Map<String, Object> jsonObject(String base64url) throws IOException {
        byte[] json = Base64.getUrlDecoder().decode(base64url);
        Map<String, Object> object = JSON.readValue(json, OBJECT);
        if (object == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return object;
    }

    /** A claim as text; empty when absent or null. Dates are shown as ISO instants. */
    public Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of(list.size() == 1 ? String.valueOf(list.get(0)) : String.valueOf(list));
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A claim as text, or {@code MISSING}, as the diagnosis prints it. */
    public String textOrMissing(String name) {
        return text(name).orElse(MISSING);
    }

    public List<String> audience() {
        Object aud = values.get("aud");
        List<String> result = new ArrayList<>();
        if (aud instanceof List<?> list) {
            list.forEach(a -> result.add(String.valueOf(a)));
        } else if (aud != null) {
            result.add(String.valueOf(aud));
        }
        return result;
    }

    public Optional<Instant> expiry() {
        return values.get("exp") instanceof Instant exp ? Optional.of(exp) : Optional.empty();
    }

    /** Fails early, with a clear message, for a token the index would reject anyway. */
    void checkUsableFor(String audience, Instant now, String providerName) throws TrustedPublishingException {
        List<String> aud = audience();
        if (!aud.contains(audience)) {
            throw new TrustedPublishingException("Trusted Publishing failed: the identity token from " + providerName
                    + " is for audience " + (aud.isEmpty() ? "MISSING" : ForeignText.line(String.join(", ", aud)))
                    + ", but the index asked for '" + audience + "'. "
                    + (providerName.startsWith("GitLab")
                            ? "Set 'aud: " + audience + "' for the token in the id_tokens: section of .gitlab-ci.yml."
                            : "The CI provider ignored the requested audience; retry the job."));
        }
        Optional<Instant> exp = expiry();
        if (exp.isEmpty()) {
            throw new TrustedPublishingException("Trusted Publishing failed: the identity token from " + providerName
                    + " has no expiry (exp claim); the index will not accept it.");
        }
        if (!exp.get().isAfter(now)) {
            throw new TrustedPublishingException("Trusted Publishing failed: the identity token from " + providerName
                    + " expired at " + exp.get() + " (now " + now + "). "
                    + (providerName.startsWith("GitLab")
                            ? "GitLab issues the ID token when the job starts; publish earlier in the job or"
                                    + " split long jobs."
                            : "Check the clock of this machine, then retry the job."));
        }
    }
}
