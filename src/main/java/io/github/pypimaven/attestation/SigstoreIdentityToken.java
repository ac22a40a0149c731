package io.github.pypimaven.attestation;

import io.github.pypimaven.trust.OidcClaims;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An OIDC identity token for Fulcio (audience {@code sigstore}), with where it came from for messages. The token is a
 * secret: {@link #toString()} never shows it, and no message quotes it.
 *
 * @param jwt    the token
 * @param source how users know where it came from, e.g. "GitHub Actions" or "GitLab CI/CD (SIGSTORE_ID_TOKEN)"
 */
public record SigstoreIdentityToken(String jwt, String source) {

    public static final String AUDIENCE = "sigstore";
    static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    static final String GITLAB_ISSUER = "https://gitlab.com";
    static final String GOOGLE_ISSUER = "https://accounts.google.com";

    public SigstoreIdentityToken {
        if (jwt == null || jwt.isBlank()) {
            throw new IllegalArgumentException("empty Sigstore identity token from " + source);
        }
        jwt = jwt.strip();
    }

    /** The claims, read without checking the signature (Fulcio checks it; the client wants early, clear failures). */
    public OidcClaims claims() throws AttestationException {
        return OidcClaims.parse(jwt).orElseThrow(() -> new AttestationException(AttestationStep.IDENTITY_TOKEN,
                "The Sigstore identity token from " + source + " is not a valid JWT. This points to a problem in the"
                        + " CI environment; re-run the job."));
    }

    /**
     * Fails early, with a clear message, for a token Fulcio would refuse: wrong audience, expired, or lacking the claim
     * the proof of possession signs. Returns that claim's value.
     */
    String checkUsable(Instant now) throws AttestationException {
        OidcClaims claims = claims();
        List<String> audience = claims.audience();
        if (!audience.contains(AUDIENCE)) {
            throw new AttestationException(AttestationStep.IDENTITY_TOKEN, "The identity token from " + source
                    + " is for audience " + (audience.isEmpty() ? "MISSING" : String.join(", ", audience))
                    + ", but Fulcio needs '" + AUDIENCE + "'. On GitLab, declare it under id_tokens: as"
                    + " 'SIGSTORE_ID_TOKEN: { aud: sigstore }'.");
        }
        Optional<Instant> expiry = claims.expiry();
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
            throw new AttestationException(AttestationStep.IDENTITY_TOKEN, "The identity token from " + source
                    + " expired at " + expiry.get() + " (now " + now + "). CI identity tokens live a few minutes;"
                    + " on GitLab the token is issued when the job starts, so attest earlier in the job.");
        }
        String claim = proofClaim(claims);
        return claims.text(claim).orElseThrow(() -> new AttestationException(AttestationStep.IDENTITY_TOKEN,
                "The identity token from " + source + " has no '" + claim + "' claim, which Fulcio needs to issue"
                        + " a certificate." + (claim.equals("email")
                                ? " Google identity tokens carry it when asked with format=full." : "")));
    }

    /** The claim Fulcio expects signed as proof of possession: {@code email} for Google accounts, else {@code sub}. */
    static String proofClaim(OidcClaims claims) {
        return claims.text("iss").filter(GOOGLE_ISSUER::equals).isPresent() ? "email" : "sub";
    }

    @Override
    public String toString() {
        return "SigstoreIdentityToken[from " + source + ", <redacted>]";
    }
}
