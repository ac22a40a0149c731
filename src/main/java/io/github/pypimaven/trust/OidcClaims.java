package io.github.pypimaven.trust;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a CI identity token, read without checking the signature (the index does that; the client
 * only wants early, clear failures and a diagnosis). Claims are not secret; the token itself is, so it is
 * never kept here.
 */
public record OidcClaims(Map<String, Object> values) {

    public static final String MISSING = "MISSING";

    public OidcClaims {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static OidcClaims decode(String jwt, String providerName) throws TrustedPublishingException {
        try {
            JWT parsed = JWTParser.parse(jwt.strip());
            JWTClaimsSet claims = parsed.getJWTClaimsSet();
            return new OidcClaims(claims.getClaims());
        } catch (ParseException | RuntimeException e) {
            // The parser's message may quote parts of the token, so it is not passed on.
            throw new TrustedPublishingException("Trusted Publishing failed: the identity token from " + providerName
                    + " is not a valid JWT (it must be three base64url parts with a JSON claims object). This points"
                    + " to a problem in the CI environment; retry the job, and if it persists, check that nothing"
                    + " in the job overrides the token source.");
        }
    }

    /** A claim as text; empty when absent or null. Dates are shown as ISO instants. */
    public Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Date date) {
            return Optional.of(date.toInstant().toString());
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
        Object exp = values.get("exp");
        if (exp instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (exp instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }

    /** Fails early, with a clear message, for a token the index would reject anyway. */
    void checkUsableFor(String audience, Instant now, String providerName) throws TrustedPublishingException {
        List<String> aud = audience();
        if (!aud.contains(audience)) {
            throw new TrustedPublishingException("Trusted Publishing failed: the identity token from " + providerName
                    + " is for audience " + (aud.isEmpty() ? "MISSING" : String.join(", ", aud))
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
