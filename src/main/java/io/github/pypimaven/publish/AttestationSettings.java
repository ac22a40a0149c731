package io.github.pypimaven.publish;

import io.github.pypimaven.attestation.AttestationException;
import io.github.pypimaven.attestation.SigstoreSettings;
import io.github.pypimaven.attestation.TrustedRoot;
import io.github.pypimaven.http.SecureUrl;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user configured about attestations: whether to make them, and the Sigstore instance that certifies and logs
 * them. Its URLs receive an identity token, so they are checked like every URL a secret goes to.
 *
 * @param mode        the {@code attestations} setting
 * @param fulcioUrl   Fulcio, which turns the job's identity token for Sigstore into a signing certificate
 * @param rekorUrl    Rekor (a v1 API), the transparency log every attestation is entered in
 * @param trustedRoot a Sigstore {@code trusted_root.json} to also check the chain, SCT, SET and checkpoint against
 */
public record AttestationSettings(AttestationMode mode, SecureUrl fulcioUrl, SecureUrl rekorUrl,
        Optional<Path> trustedRoot) {

    public static final String FULCIO_SETTING = "sigstoreFulcioUrl (pypi.sigstore.fulcioUrl)";
    public static final String REKOR_SETTING = "sigstoreRekorUrl (pypi.sigstore.rekorUrl)";

    public AttestationSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fulcioUrl, "fulcioUrl");
        Objects.requireNonNull(rekorUrl, "rekorUrl");
        Objects.requireNonNull(trustedRoot, "trustedRoot");
    }

    /** {@code auto}, with Sigstore's public-good instance (the one PyPI trusts) and no trusted root file. */
    public static AttestationSettings defaults() {
        return new AttestationSettings(AttestationMode.AUTO, new SecureUrl(SigstoreSettings.PUBLIC_FULCIO),
                new SecureUrl(SigstoreSettings.PUBLIC_REKOR), Optional.empty());
    }

    /**
     * The settings as configured; {@code trustedRoot} relative to {@code baseDirectory}.
     *
     * @throws IllegalArgumentException naming the setting, for a value that cannot be used
     */
    public static AttestationSettings parse(String mode, String fulcioUrl, String rekorUrl, String trustedRoot,
            Path baseDirectory) {
        return new AttestationSettings(AttestationMode.parse(mode),
                serviceUrl(fulcioUrl, FULCIO_SETTING, SigstoreSettings.PUBLIC_FULCIO.toString()),
                serviceUrl(rekorUrl, REKOR_SETTING, SigstoreSettings.PUBLIC_REKOR.toString()),
                trustedRoot == null || trustedRoot.isBlank() ? Optional.empty()
                        : Optional.of(baseDirectory.resolve(trustedRoot.strip()).normalize()));
    }

    /** A Sigstore service's base URL: the API paths are appended to it, so it has no query or fragment. */
    private static SecureUrl serviceUrl(String text, String setting, String example) {
        SecureUrl url = SecureUrl.parse(text, setting, example);
        if (url.uri().getRawQuery() != null || url.uri().getRawFragment() != null) {
            throw new IllegalArgumentException(setting + " '" + url + "' cannot be used: a Sigstore service's base URL"
                    + " has no query or fragment, such as " + example + ".");
        }
        return url;
    }

    public AttestationSettings withMode(AttestationMode value) {
        return new AttestationSettings(value, fulcioUrl, rekorUrl, trustedRoot);
    }

    /** The attestation engine's settings; reads the trusted root file, if one is configured. */
    SigstoreSettings sigstore() throws AttestationException {
        Optional<TrustedRoot> root = Optional.empty();
        if (trustedRoot.isPresent()) {
            root = Optional.of(TrustedRoot.read(trustedRoot.get()));
        }
        return new SigstoreSettings(fulcioUrl.uri(), rekorUrl.uri(), root);
    }
}
