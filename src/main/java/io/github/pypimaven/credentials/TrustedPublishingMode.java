package io.github.pypimaven.credentials;

import java.util.Locale;

/** The {@code trustedPublishing} setting. */
public enum TrustedPublishingMode {
    /** Used when no token is configured and a supported CI identity is present. */
    AUTO,
    /** Required: configured tokens are an error, and so is the absence of a CI identity. */
    ALWAYS,
    /** Tokens only. */
    NEVER;

    public static TrustedPublishingMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("trustedPublishing (pypi.trustedPublishing) is '" + text
                    + "'; use auto, always or never.");
        }
    }
}
