package io.github.pypimaven.trust;

import io.github.pypimaven.ci.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The GitLab CI/CD identity: an ID token the job declares under {@code id_tokens:}, handed over in the
 * variable {@code <AUDIENCE>_ID_TOKEN}. GitLab issues it once, when the job starts.
 */
public final class GitLabIdentity implements CiIdentityProvider {

    @Override
    public String name() {
        return "GitLab CI/CD";
    }

    @Override
    public String oidcToken(String audience, Environment env, CloseableHttpClient http)
            throws TrustedPublishingException {
        Optional<String> missing = missingIdentity(audience, env);
        if (missing.isPresent()) {
            throw new TrustedPublishingException(missing.get());
        }
        return env.get(variableName(audience)).orElseThrow();
    }

    /** GitLab hands the token over in a variable the job declares, so its absence is known before any request. */
    @Override
    public Optional<String> missingIdentity(String audience, Environment env) {
        String variable = variableName(audience);
        if (env.get(variable).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("Trusted Publishing failed: this GitLab CI/CD job has no ID token for"
                + " the audience '" + audience + "' (variable " + variable + " is not set).\n"
                + "Declare it in the publishing job of .gitlab-ci.yml:\n"
                + "\n"
                + "  publish:\n"
                + "    id_tokens:\n"
                + "      " + variable + ":\n"
                + "        aud: " + audience + "\n"
                + "    script:\n"
                + "      - mvn deploy\n"
                + "\n"
                + "See https://docs.pypi.org/trusted-publishers/using-a-publisher/");
    }

    /**
     * The job's {@code SIGSTORE_ID_TOKEN}, and nothing else: GitLab issues tokens only for the audiences the job
     * declares, so no other variable can hold one for Sigstore.
     */
    @Override
    public String sigstoreToken(Environment env, CloseableHttpClient http) throws TrustedPublishingException {
        Optional<String> missing = missingSigstoreIdentity(env);
        if (missing.isPresent()) {
            throw new TrustedPublishingException(missing.get());
        }
        return env.get(variableName(SIGSTORE_AUDIENCE)).orElseThrow();
    }

    @Override
    public Optional<String> missingSigstoreIdentity(Environment env) {
        String variable = variableName(SIGSTORE_AUDIENCE);
        if (env.get(variable).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(TokenPurpose.SIGSTORE.failure() + ": this GitLab CI/CD job has no ID"
                + " token for the audience '" + SIGSTORE_AUDIENCE + "' (variable " + variable + " is not set),"
                + " which Sigstore's Fulcio needs to issue the attestations' signing certificate.\n"
                + "Declare it in the publishing job of .gitlab-ci.yml, next to the entry for the index:\n"
                + "\n"
                + "  publish:\n"
                + "    id_tokens:\n"
                + "      PYPI_ID_TOKEN:\n"
                + "        aud: pypi\n"
                + "      " + variable + ":\n"
                + "        aud: " + SIGSTORE_AUDIENCE + "\n"
                + "\n"
                + "See https://docs.pypi.org/attestations/producing-attestations/");
    }

    /** {@code pypi} gives {@code PYPI_ID_TOKEN}: upper case, other characters and a leading digit become '_'. */
    static String variableName(String audience) {
        StringBuilder name = new StringBuilder();
        for (char c : audience.toUpperCase(Locale.ROOT).toCharArray()) {
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            name.append(allowed ? c : '_');
        }
        if (name.length() > 0 && Character.isDigit(name.charAt(0))) {
            name.setCharAt(0, '_');
        }
        return name + "_ID_TOKEN";
    }

    @Override
    public List<String> matchedClaims() {
        return List.of("sub", "project_path", "ci_config_ref_uri", "environment", "ref_path");
    }

    @Override
    public Map<String, String> publisherForm(OidcClaims claims) {
        Map<String, String> form = new LinkedHashMap<>();
        Optional<String> path = claims.text("project_path");
        form.put("Namespace", path.map(p -> p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : OidcClaims.MISSING)
                .orElse(OidcClaims.MISSING));
        form.put("Project name", path.map(p -> p.substring(p.lastIndexOf('/') + 1)).orElse(OidcClaims.MISSING));
        form.put("Top-level pipeline file path", claims.text("ci_config_ref_uri")
                .flatMap(GitLabIdentity::pipelineFile)
                .orElse(OidcClaims.MISSING));
        form.put("Environment name", claims.text("environment").orElse("(leave empty: this job has no environment)"));
        return form;
    }

    /** {@code gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main} gives {@code .gitlab-ci.yml}. */
    static Optional<String> pipelineFile(String configRefUri) {
        int start = configRefUri.indexOf("//");
        int end = configRefUri.lastIndexOf('@');
        if (start < 0 || end <= start + 2) {
            return Optional.empty();
        }
        return Optional.of(configRefUri.substring(start + 2, end));
    }

    @Override
    public String publisherHint() {
        return "On GitLab the environment is compared case-sensitively, and the pipeline file path is the"
                + " top-level .gitlab-ci.yml of the project (not an included file).";
    }

    @Override
    public boolean oneTokenPerJob() {
        return true;
    }
}
