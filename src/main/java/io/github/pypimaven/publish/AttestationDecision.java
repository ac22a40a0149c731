package io.github.pypimaven.publish;

import io.github.pypimaven.repository.RemoteIndex;

/**
 * Whether a release's files get attestations, and why (or why not), in words for the log: PyPI accepts attestations
 * only on uploads authenticated by Trusted Publishing, and refuses the whole file otherwise.
 *
 * @param on     whether attestations are made (or existing ones uploaded)
 * @param reason a clause that completes "Attestations (PEP 740) are on because ..." or "No attestations: ..."
 */
record AttestationDecision(boolean on, String reason) {

    /**
     * @param trustedPublishing whether the upload token comes from Trusted Publishing
     */
    static AttestationDecision of(AttestationMode mode, boolean trustedPublishing, RemoteIndex index) {
        if (mode == AttestationMode.FALSE) {
            return new AttestationDecision(false, "attestations (pypi.attestations) is false");
        }
        if (!trustedPublishing && index.known().isPresent()) {
            return new AttestationDecision(false, "the upload uses an API token, and PyPI accepts attestations only"
                    + " on uploads by Trusted Publishing (attestations=" + mode + ")");
        }
        if (!trustedPublishing) {
            // a password or job token proves no CI identity, which is what an attestation would be signed with
            return new AttestationDecision(false, "the upload does not use Trusted Publishing, and attestations are"
                    + " made only for uploads by Trusted Publishing (attestations=" + mode + ")");
        }
        if (mode == AttestationMode.TRUE) {
            return new AttestationDecision(true, "attestations (pypi.attestations) is true and the upload uses"
                    + " Trusted Publishing");
        }
        if (index.known().isPresent()) {
            return new AttestationDecision(true, "the upload to " + index.known().get().displayName() + " uses"
                    + " Trusted Publishing (attestations=auto)");
        }
        return new AttestationDecision(false, index.displayName() + " is not PyPI or TestPyPI (attestations=auto);"
                + " set attestations (pypi.attestations) to true if it accepts PEP 740 attestations");
    }
}
