package io.github.pypimaven.trust;

import java.time.Instant;

/** A short-lived upload token from the index's mint-token endpoint, and when it stops working. */
record MintedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "MintedToken[token=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
