package io.github.pypimaven.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.oidc.FakeOidcIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading an identity token's claims: tokens signed by the fake issuer with a real JOSE library (an independent
 * encoder), and hand-made broken ones, whose error must never quote the token.
 */
class OidcClaimsTest {

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    @Test
    void readsTheClaimsOfASignedToken() throws Exception {
        Instant expiry = Instant.parse("2031-05-04T03:02:01Z");
        try (FakeOidcIssuer issuer = FakeOidcIssuer.start(0)) {
            OidcClaims claims = OidcClaims.decode(issuer.githubToken("pypi", Map.of("exp", expiry)) + "\n", "GitHub");

            assertEquals(Optional.of(FakeOidcIssuer.GITHUB_ISSUER), claims.text("iss"));
            assertEquals(List.of("pypi"), claims.audience());
            assertEquals(Optional.of(expiry), claims.expiry());
            assertEquals("2031-05-04T03:02:01Z", claims.textOrMissing("exp"));
            assertEquals(Optional.empty(), claims.text("head_ref")); // an empty string claim
            assertEquals(OidcClaims.MISSING, claims.textOrMissing("no_such_claim"));
        }
    }

    @Test
    void audienceMayBeAList() throws Exception {
        try (FakeOidcIssuer issuer = FakeOidcIssuer.start(0)) {
            OidcClaims claims = OidcClaims.decode(issuer.gitlabToken("pypi", Map.of("aud", List.of("pypi", "other"))), "GitLab");

            assertEquals(List.of("pypi", "other"), claims.audience());
            assertEquals("[pypi, other]", claims.textOrMissing("aud"));
        }
    }

    @Test
    void datesAreInstantsAndFractionsOfASecondAreDropped() throws Exception {
        OidcClaims claims = OidcClaims.decode(token("{\"exp\":1900000000.75,\"iat\":1800000000,\"nbf\":null}"), "CI");

        assertEquals(Optional.of(Instant.ofEpochSecond(1_900_000_000L)), claims.expiry());
        assertEquals(Instant.ofEpochSecond(1_800_000_000L).toString(), claims.textOrMissing("iat"));
        assertEquals(OidcClaims.MISSING, claims.textOrMissing("nbf"));
    }

    @Test
    void aTokenWithoutExpiryDecodesAndIsThenRefused() throws Exception {
        OidcClaims claims = OidcClaims.decode(token("{\"aud\":\"pypi\"}"), "CI");

        assertEquals(Optional.empty(), claims.expiry());
        TrustedPublishingException e = assertThrows(TrustedPublishingException.class,
                () -> claims.checkUsableFor("pypi", Instant.now(), "CI"));
        assertTrue(e.getMessage().contains("has no expiry (exp claim)"), e.getMessage());
    }

    static Stream<Arguments> brokenTokens() {
        String header = base64url(HEADER);
        return Stream.of(
                Arguments.of("two parts", "SECRETPART1.SECRETPART2"),
                Arguments.of("four parts", "SECRETPART1.SECRETPART2.SECRETPART3.SECRETPART4"),
                Arguments.of("payload not base64url", header + ".SECRET+PART/2.SECRETPART3"),
                Arguments.of("payload not JSON", header + "." + base64url("SECRETPART not json") + ".c2ln"),
                Arguments.of("payload a JSON array", header + "." + base64url("[\"SECRETPART\"]") + ".c2ln"),
                Arguments.of("payload JSON null", header + "." + base64url("null") + ".c2ln"),
                Arguments.of("header not JSON", base64url("SECRETPART") + "." + base64url("{}") + ".c2ln"),
                Arguments.of("exp a string", token("{\"exp\":\"SECRETPART\"}")),
                Arguments.of("aud a number", token("{\"aud\":42,\"sub\":\"SECRETPART\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTokens")
    void aBrokenTokenIsReportedWithoutQuotingIt(String what, String jwt) {
        TrustedPublishingException e = assertThrows(TrustedPublishingException.class, () -> OidcClaims.decode(jwt, "GitHub Actions"));

        assertTrue(e.getMessage().startsWith("Trusted Publishing failed: the identity token from GitHub Actions is not a"
                + " valid JWT (it must be three base64url parts with a JSON claims object)."), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertNull(e.getCause(), "a parser's exception may quote the token");
    }

    private static String token(String claims) {
        return base64url(HEADER) + "." + base64url(claims) + ".c2lnbmF0dXJl";
    }

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
