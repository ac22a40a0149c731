package io.github.pypimaven.attestation;

import java.util.regex.Pattern;

/**
 * A distribution file as an attestation names it: its exact file name (no directory) and the lower-case hex sha256
 * of its bytes, as PyPI compares them (plain string equality: upper-case hex does not match).
 */
public record AttestationSubject(String fileName, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public AttestationSubject {
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("an attestation subject needs a bare file name, got '" + fileName + "'");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("the sha256 of " + fileName + " must be 64 lower-case hex digits");
        }
    }
}
