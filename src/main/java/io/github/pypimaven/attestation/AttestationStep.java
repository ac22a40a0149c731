package io.github.pypimaven.attestation;

/** The steps of making and checking an attestation; every failure names the one it happened in. */
public enum AttestationStep {
    IDENTITY_TOKEN("Sigstore identity token"),
    FULCIO("signing certificate from Fulcio"),
    REKOR("transparency log entry from Rekor"),
    TRUSTED_ROOT("Sigstore trusted root"),
    FORMAT("attestation format"),
    STATEMENT("in-toto statement"),
    SUBJECT("statement subject"),
    CERTIFICATE("signing certificate"),
    SIGNATURE("DSSE signature"),
    IDENTITY("certificate identity"),
    LOG_ENTRY("log entry body"),
    SIGNING_TIME("signing time"),
    INCLUSION_PROOF("inclusion proof"),
    CERTIFICATE_CHAIN("certificate chain"),
    SCT("signed certificate timestamp (SCT)"),
    SET("signed entry timestamp (SET)"),
    CHECKPOINT("log checkpoint");

    private final String label;

    AttestationStep(String label) {
        this.label = label;
    }

    /** How a message names the step, e.g. "signing certificate from Fulcio". */
    public String label() {
        return label;
    }
}
