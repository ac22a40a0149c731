package io.github.pypimaven.attestation;

import io.github.pypimaven.trust.OidcClaims;
import java.util.List;
import java.util.Optional;

/**
 * Whom an attestation's certificate must have been issued to. The publisher kinds follow PyPI's policies (a GitHub or
 * GitLab Trusted Publisher: repository and workflow file, at whatever ref or commit the certificate names; a Google
 * service account: its e-mail); {@link #fromToken} builds the stricter expectation of the run's own identity token.
 */
public sealed interface ExpectedIdentity {

    /** Empty when {@code identity} matches, else why not. */
    Optional<String> mismatch(CertificateIdentity identity);

    /** GitHub Actions, as PyPI checks a GitHub Trusted Publisher. */
    record GitHubPublisher(String repository, String workflow) implements ExpectedIdentity {
        @Override
        public Optional<String> mismatch(CertificateIdentity id) {
            return publisherMismatch(id, "https://token.actions.githubusercontent.com", "https://github.com/"
                    + repository, "https://github.com/" + repository + "/.github/workflows/" + workflow + "@",
                    workflow + " @ " + repository);
        }
    }

    /** GitLab CI/CD, as PyPI checks a GitLab Trusted Publisher ({@code repository} is the project path). */
    record GitLabPublisher(String repository, String workflowFilepath) implements ExpectedIdentity {
        @Override
        public Optional<String> mismatch(CertificateIdentity id) {
            return publisherMismatch(id, "https://gitlab.com", "https://gitlab.com/" + repository,
                    "https://gitlab.com/" + repository + "//" + workflowFilepath + "@",
                    workflowFilepath + " @ " + repository);
        }
    }

    /** An e-mail identity from an issuer; a Google service account is {@link #google}. */
    record EmailIdentity(String issuer, String email) implements ExpectedIdentity {
        @Override
        public Optional<String> mismatch(CertificateIdentity id) {
            if (!id.issuer().equals(Optional.of(issuer))) {
                return Optional.of("the certificate's issuer is " + id.issuer().orElse("MISSING") + ", expected "
                        + issuer);
            }
            return id.emails().contains(email) ? Optional.empty()
                    : Optional.of("the certificate was issued to " + String.join(", ", id.emails()) + ", expected "
                            + email);
        }
    }

    /** Exactly the run's identity: issuer, source repository and the triggered workflow at its ref. */
    record BuildIdentity(String issuer, String sourceRepositoryUri, String buildConfigUri) implements ExpectedIdentity {
        @Override
        public Optional<String> mismatch(CertificateIdentity id) {
            if (!id.issuer().equals(Optional.of(issuer))) {
                return Optional.of("the certificate's issuer is " + id.issuer().orElse("MISSING")
                        + ", but the identity token's is " + issuer);
            }
            if (!id.sourceRepositoryUri().equals(Optional.of(sourceRepositoryUri))) {
                return Optional.of("the certificate's source repository is " + id.sourceRepositoryUri()
                        .orElse("MISSING") + ", but the identity token's is " + sourceRepositoryUri);
            }
            return id.buildConfigUri().equals(Optional.of(buildConfigUri)) ? Optional.empty()
                    : Optional.of("the certificate's Build Config URI is " + id.buildConfigUri().orElse("MISSING")
                            + ", but the identity token names " + buildConfigUri);
        }
    }

    /** Every part must match. */
    record AllOf(List<ExpectedIdentity> parts) implements ExpectedIdentity {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public Optional<String> mismatch(CertificateIdentity id) {
            return parts.stream().map(p -> p.mismatch(id)).flatMap(Optional::stream).findFirst();
        }
    }

    public static ExpectedIdentity google(String email) {
        return new EmailIdentity(SigstoreIdentityToken.GOOGLE_ISSUER, email);
    }

    /**
     * What the certificate Fulcio issues for {@code token} must say, and what PyPI will require of it: the run's exact
     * identity, and the Trusted Publisher PyPI matched the same job to. A job that PyPI would refuse (a reusable
     * workflow, where the triggered workflow is not the one the publisher names) fails here, before anything is sent.
     */
    public static ExpectedIdentity fromToken(SigstoreIdentityToken token) throws AttestationException {
        return fromClaims(token.claims(), token.source());
    }

    /**
     * {@link #fromToken} from the claims of any identity token of the job (e.g. the one Trusted Publishing exchanged),
     * to check attestations that another tool made in the same job.
     */
    public static ExpectedIdentity fromClaims(OidcClaims claims, String source) throws AttestationException {
        String issuer = claims.text("iss").orElse("MISSING");
        switch (issuer) {
            case SigstoreIdentityToken.GITHUB_ISSUER -> {
                String repository = required(claims, "repository", source);
                String workflowRef = required(claims, "workflow_ref", source);
                String jobWorkflowRef = required(claims, "job_workflow_ref", source);
                String publisherWorkflow = TokenWorkflows.githubWorkflowFile(jobWorkflowRef);
                if (!workflowRef.startsWith(repository + "/.github/workflows/" + publisherWorkflow + "@")) {
                    throw new AttestationException(AttestationStep.IDENTITY, "This job runs the workflow "
                            + jobWorkflowRef + " on behalf of " + workflowRef + ". PyPI matches the Trusted Publisher"
                            + " on the first but checks attestations against the second, so it would refuse the"
                            + " upload: it does not accept attestations from reusable workflows. Publish from the"
                            + " workflow that the event triggers, or set attestations to false.");
                }
                return new AllOf(List.of(new BuildIdentity(issuer, "https://github.com/" + repository,
                        "https://github.com/" + workflowRef), new GitHubPublisher(repository, publisherWorkflow)));
            }
            case SigstoreIdentityToken.GITLAB_ISSUER -> {
                String project = required(claims, "project_path", source);
                String configRef = required(claims, "ci_config_ref_uri", source);
                return new AllOf(List.of(new BuildIdentity(issuer, issuer + "/" + project, "https://" + configRef),
                        new GitLabPublisher(project, TokenWorkflows.gitlabConfigPath(configRef))));
            }
            case SigstoreIdentityToken.GOOGLE_ISSUER -> {
                return google(required(claims, "email", source));
            }
            default -> throw new AttestationException(AttestationStep.IDENTITY_TOKEN, "The identity token from "
                    + source + " was issued by " + issuer + "; PyPI accepts attestations only from GitHub"
                    + " Actions, GitLab CI/CD (gitlab.com) and Google Cloud identities. Set attestations to false.");
        }
    }

    private static String required(OidcClaims claims, String name, String source) throws AttestationException {
        return claims.text(name).orElseThrow(() -> new AttestationException(AttestationStep.IDENTITY_TOKEN,
                "The identity token from " + source + " has no '" + name + "' claim, which the certificate's"
                        + " identity is checked against."));
    }

    /** PyPI's publisher check: issuer, source repository, then the Build Config URI at the certificate's commit or ref. */
    private static Optional<String> publisherMismatch(CertificateIdentity id, String issuer, String repositoryUri,
            String buildConfigPrefix, String publisher) {
        if (!id.issuer().equals(Optional.of(issuer))) {
            return Optional.of("the certificate's issuer is " + id.issuer().orElse("MISSING") + ", expected " + issuer);
        }
        if (!id.sourceRepositoryUri().equals(Optional.of(repositoryUri))) {
            return Optional.of("the certificate's source repository is " + id.sourceRepositoryUri().orElse("MISSING")
                    + ", expected " + repositoryUri);
        }
        for (Optional<String> suffix : List.of(id.sourceRepositoryDigest(), id.sourceRepositoryRef())) {
            if (suffix.isPresent() && id.buildConfigUri().equals(Optional.of(buildConfigPrefix + suffix.get()))) {
                return Optional.empty();
            }
        }
        return Optional.of("the certificate's Build Config URI (" + id.buildConfigUri().orElse("MISSING")
                + ") does not match the expected Trusted Publisher (" + publisher + ")");
    }
}
