package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The second identity token of a Trusted Publishing job, for Sigstore's Fulcio: from the same CI identity, with the
 * audience {@code sigstore}, masked on GitHub Actions, and a failure that says it was for the attestations.
 */
class SigstoreTokenTest {

    @AutoClose
    private final TrustFixture f = new TrustFixture();

    private static OidcClaims claims(String jwt) throws TrustedPublishingException {
        return OidcClaims.decode(jwt, "test");
    }

    @Test
    void githubAsksTheSameTokenServiceForTheSigstoreAudienceAndMasksTheToken() throws Exception {
        f.onGitHub();
        f.pypi.defaultGithubPublisher();
        TrustedPublishingSession session = f.open();

        String jwt = session.sigstoreToken(f.http);

        assertEquals(List.of("sigstore"), claims(jwt).audience());
        assertEquals("octo-org/octo-repo", claims(jwt).textOrMissing("repository"));
        assertEquals(2, f.issuer.githubTokenRequests());
        assertTrue(f.out().contains("::add-mask::" + jwt + "\n"), "masked the moment it exists");
        assertEquals("octo-org/octo-repo", session.identityClaims().textOrMissing("repository"),
                "the claims of the token that was exchanged");
        assertEquals(List.of("pypi"), session.identityClaims().audience());
    }

    @Test
    void githubRefusingTheSigstoreTokenNamesTheAttestationsAndThePermission() throws Exception {
        f.onGitHub();
        f.pypi.defaultGithubPublisher();
        TrustedPublishingSession session = f.open();
        f.issuer.githubRequestToken("rotated-" + f.issuer.githubRequestToken());

        String message = assertThrows(TrustedPublishingException.class, () -> session.sigstoreToken(f.http))
                .getMessage();

        assertTrue(message.startsWith("No identity token for Sigstore (attestations): GitHub's OIDC token service"
                + " answered 401"), message);
        assertTrue(message.contains("'permissions: id-token: write'"), message);
    }

    @Test
    void gitlabUsesOnlySigstoreIdToken() throws Exception {
        f.pypi.defaultGitlabPublisher();
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));
        String sigstore = f.issuer.gitlabToken("sigstore", Map.of());
        f.env.put("SIGSTORE_ID_TOKEN", sigstore);

        assertEquals(sigstore, f.open().sigstoreToken(f.http));
    }

    @Test
    void aGitlabJobWithoutSigstoreIdTokenGetsTheSnippet() throws Exception {
        f.pypi.defaultGitlabPublisher();
        f.env.put("GITLAB_CI", "true");
        f.env.put("PYPI_ID_TOKEN", f.issuer.gitlabToken("pypi", Map.of()));
        TrustedPublishingSession session = f.open();

        String message = assertThrows(TrustedPublishingException.class, () -> session.sigstoreToken(f.http))
                .getMessage();

        assertTrue(message.startsWith("No identity token for Sigstore (attestations): this GitLab CI/CD job has no"
                + " ID token for the audience 'sigstore' (variable SIGSTORE_ID_TOKEN is not set)"), message);
        assertTrue(message.contains("    id_tokens:\n      PYPI_ID_TOKEN:\n        aud: pypi\n"
                + "      SIGSTORE_ID_TOKEN:\n        aud: sigstore\n"), message);
    }

    @Test
    void googleGivesTheServiceAccountsTokenWithItsEmail() throws Exception {
        f.pypi.googlePublisher("publisher@octo-project.iam.gserviceaccount.com", null);
        f.env.put("GCE_METADATA_HOST", f.issuer.metadataHost());
        TrustedPublishingSession session = f.open();

        OidcClaims claims = claims(session.sigstoreToken(f.http));

        assertEquals(List.of("sigstore"), claims.audience());
        assertEquals("publisher@octo-project.iam.gserviceaccount.com", claims.textOrMissing("email"));
        assertEquals(2, f.issuer.metadataRequests());
    }

    @Test
    void googleImpersonationGivesTheImpersonatedAccountsToken() throws Exception {
        f.pypi.googlePublisher("deployer@octo-project.iam.gserviceaccount.com", null);
        f.env.put("GCE_METADATA_HOST", f.issuer.metadataHost());
        f.env.put("GOOGLE_SERVICE_ACCOUNT_NAME", "deployer@octo-project.iam.gserviceaccount.com");
        TrustedPublishingSession session = f.open();

        OidcClaims claims = claims(session.sigstoreToken(f.http));

        assertEquals(List.of("sigstore"), claims.audience());
        assertEquals("deployer@octo-project.iam.gserviceaccount.com", claims.textOrMissing("email"));
        assertEquals(2, f.issuer.iamRequests());
    }
}
