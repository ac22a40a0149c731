package io.github.pypimaven.testing.pypi;

/**
 * The Trusted Publisher an upload token was minted for, as Warehouse keeps it on the request: what attestations are
 * checked against. Kinds without attestation support (e.g. ActiveState) are {@link Other}.
 */
public sealed interface TrustedPublisher {

    /** Warehouse's {@code publisher_name}: "GitHub", "GitLab", "Google", "ActiveState". */
    String kind();

    /** @param repository {@code owner/name}; @param workflow the workflow file name */
    record GitHub(String repository, String workflow, String environment) implements TrustedPublisher {
        @Override
        public String kind() {
            return "GitHub";
        }
    }

    /** @param repository the project path, {@code namespace/project}; @param workflowFilepath e.g. .gitlab-ci.yml */
    record GitLab(String repository, String workflowFilepath, String environment) implements TrustedPublisher {
        @Override
        public String kind() {
            return "GitLab";
        }
    }

    /** A Google service account. */
    record Google(String email) implements TrustedPublisher {
        @Override
        public String kind() {
            return "Google";
        }
    }

    /** A publisher kind Warehouse has no attestation identity for. */
    record Other(String kind) implements TrustedPublisher {}
}
