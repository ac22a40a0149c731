package io.github.pypimaven.testing.sigstore;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * How Fulcio turns the claims of a CI identity token into a certificate's identity (its SAN and the Sigstore OID
 * extensions), for the three issuers PyPI accepts attestations from.
 */
final class FakeOidcClaims {

    static final String GITHUB = "https://token.actions.githubusercontent.com";
    static final String GITLAB = "https://gitlab.com";
    static final String GOOGLE = "https://accounts.google.com";

    private FakeOidcClaims() {}

    static boolean isGoogle(JWTClaimsSet claims) {
        return GOOGLE.equals(claims.getIssuer());
    }

    /** Null for an issuer Fulcio would not know. */
    static FakeCertificateAuthority.LeafIdentity identity(JWTClaimsSet claims) {
        String iss = claims.getIssuer();
        Map<Integer, String> ext = new LinkedHashMap<>();
        ext.put(8, iss);
        if (GITHUB.equals(iss)) {
            String github = "https://github.com/";
            put(ext, 9, github, claims, "job_workflow_ref");
            put(ext, 10, "", claims, "job_workflow_sha");
            put(ext, 11, "", claims, "runner_environment");
            put(ext, 12, github, claims, "repository");
            put(ext, 13, "", claims, "sha");
            put(ext, 14, "", claims, "ref");
            put(ext, 15, "", claims, "repository_id");
            put(ext, 16, github, claims, "repository_owner");
            put(ext, 17, "", claims, "repository_owner_id");
            put(ext, 18, github, claims, "workflow_ref");
            put(ext, 19, "", claims, "workflow_sha");
            put(ext, 20, "", claims, "event_name");
            ext.put(21, github + text(claims, "repository") + "/actions/runs/" + text(claims, "run_id") + "/attempts/"
                    + text(claims, "run_attempt"));
            put(ext, 22, "", claims, "repository_visibility");
            return new FakeCertificateAuthority.LeafIdentity(FakeFulcio.uri(ext.get(9)), ext);
        }
        if (GITLAB.equals(iss)) {
            put(ext, 9, "https://", claims, "ci_config_ref_uri");
            put(ext, 10, "", claims, "ci_config_sha");
            put(ext, 11, "", claims, "runner_environment");
            put(ext, 12, iss + "/", claims, "project_path");
            put(ext, 13, "", claims, "sha");
            put(ext, 14, "", claims, "ref_path");
            put(ext, 15, "", claims, "project_id");
            put(ext, 16, iss + "/", claims, "namespace_path");
            put(ext, 17, "", claims, "namespace_id");
            put(ext, 18, "https://", claims, "ci_config_ref_uri");
            put(ext, 19, "", claims, "ci_config_sha");
            put(ext, 20, "", claims, "pipeline_source");
            ext.put(21, iss + "/" + text(claims, "project_path") + "/-/jobs/" + text(claims, "job_id"));
            return new FakeCertificateAuthority.LeafIdentity(FakeFulcio.uri(ext.get(9)), ext);
        }
        if (GOOGLE.equals(iss) && claims.getClaim("email") != null) {
            return new FakeCertificateAuthority.LeafIdentity(new GeneralName(GeneralName.rfc822Name,
                    text(claims, "email")), ext);
        }
        return null;
    }

    private static void put(Map<Integer, String> ext, int arc, String prefix, JWTClaimsSet claims, String claim) {
        if (claims.getClaim(claim) != null) {
            ext.put(arc, prefix + text(claims, claim));
        }
    }

    private static String text(JWTClaimsSet claims, String claim) {
        return String.valueOf(claims.getClaim(claim));
    }
}
