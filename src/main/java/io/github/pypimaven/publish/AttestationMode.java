package io.github.pypimaven.publish;

import java.util.Locale;

/** The {@code attestations} setting: whether PEP 740 publish attestations are made and uploaded. */
public enum AttestationMode {
    /** With Trusted Publishing to PyPI or TestPyPI, which accept them. */
    AUTO,
    /** With Trusted Publishing to any index (one that accepts them, or a test index). */
    TRUE,
    /** Never. */
    FALSE;

    public static AttestationMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("attestations (pypi.attestations) is '" + text
                    + "'; use auto, true or false.");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
