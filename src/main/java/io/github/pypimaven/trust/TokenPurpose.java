package io.github.pypimaven.trust;

/**
 * What an identity token is asked for, so that a failure to get one starts with what it stopped: Trusted Publishing
 * (an upload token from the index) or attestations (a signing certificate from Sigstore's Fulcio).
 *
 * @param failure how a message about this token starts, e.g. "Trusted Publishing failed"
 */
record TokenPurpose(String failure) {

    static final TokenPurpose TRUSTED_PUBLISHING = new TokenPurpose("Trusted Publishing failed");
    static final TokenPurpose SIGSTORE = new TokenPurpose("No identity token for Sigstore (attestations)");
}
