package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.testing.TestTargets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attestation settings as the goal reads them, and the decision they lead to. */
class AttestationSettingsTest {

    private static final Path BASE = Path.of("project").toAbsolutePath();

    private static AttestationSettings parse(String mode, String fulcio, String rekor, String trustedRoot) {
        return AttestationSettings.parse(mode, fulcio, rekor, trustedRoot, BASE);
    }

    @Test
    void theDefaultsAreSigstoresPublicInstanceAndAuto() {
        AttestationSettings settings = parse("auto", "https://fulcio.sigstore.dev", "https://rekor.sigstore.dev", null);
        assertEquals(AttestationSettings.defaults(), settings);
        assertEquals(Optional.of(BASE.resolve("keys/trusted_root.json")),
                parse(" TRUE ", "https://f.example", "https://r.example", "keys/trusted_root.json").trustedRoot());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yes | https://fulcio.sigstore.dev | https://rekor.sigstore.dev | attestations (pypi.attestations) is 'yes'; use auto, true or false.",
        "auto | http://fulcio.example | https://rekor.sigstore.dev | sigstoreFulcioUrl (pypi.sigstore.fulcioUrl) 'http://fulcio.example' cannot be used: plain http",
        "auto | https://fulcio.sigstore.dev | https://u:p@rekor.example | sigstoreRekorUrl (pypi.sigstore.rekorUrl) 'https://rekor.example' cannot be used: it contains credentials",
        "auto | https://fulcio.sigstore.dev | https://rekor.example/?x=1 | sigstoreRekorUrl (pypi.sigstore.rekorUrl) 'https://rekor.example/?x=1' cannot be used: a Sigstore service's base URL has no query",
    })
    void aBadSettingIsNamed(String mode, String fulcio, String rekor, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> parse(mode, fulcio, rekor, null))
                .getMessage();
        assertTrue(message.startsWith(expected), message);
    }

    @ParameterizedTest
    @CsvSource({
        "AUTO,  true,  https://upload.pypi.org/legacy/,   true,  the upload to PyPI uses Trusted Publishing (attestations=auto)",
        "AUTO,  true,  https://test.pypi.org/legacy/,     true,  the upload to TestPyPI uses Trusted Publishing (attestations=auto)",
        "AUTO,  true,  https://pypi.example.com/legacy/,  false, pypi.example.com is not PyPI or TestPyPI (attestations=auto)",
        "TRUE,  true,  https://pypi.example.com/legacy/,  true,  attestations (pypi.attestations) is true and the upload uses Trusted Publishing",
        "AUTO,  false, https://upload.pypi.org/legacy/,   false, the upload uses an API token",
        "TRUE,  false, https://upload.pypi.org/legacy/,   false, the upload uses an API token",
        "FALSE, true,  https://upload.pypi.org/legacy/,   false, attestations (pypi.attestations) is false",
    })
    void theDecision(AttestationMode mode, boolean trustedPublishing, String url, boolean on, String reason) {
        RemoteIndex index = TestTargets.remote(url);
        AttestationDecision decision = AttestationDecision.of(mode, trustedPublishing, index);
        assertEquals(on, decision.on());
        assertTrue(decision.reason().startsWith(reason), decision.reason());
    }
}
