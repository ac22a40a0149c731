package io.github.pypimaven.testing.pypi;

/**
 * The self-hosted and cloud indexes {@link FakePrivateIndex} behaves like, each as the README's table of index kinds
 * describes it: where its upload endpoint and simple API are, whether its simple API can be read without credentials
 * by default, and what it answers when a file of the same name is sent again (there is no standard answer; these are
 * the answers these servers are reported to give, most of which twine's {@code --skip-existing} also recognises).
 *
 * @param uploadPath the upload URL's path
 * @param simplePath the simple API's path
 * @param anonymousRead whether the simple API answers without credentials in a default set-up
 * @param duplicateStatus the status of the answer to a second file of the same name
 * @param duplicateContentType its content type
 * @param duplicateBody its body; {@code %s} is the file name
 */
public record IndexKind(String name, String uploadPath, String simplePath, boolean anonymousRead, int duplicateStatus,
        String duplicateContentType, String duplicateBody) {

    /** Sonatype Nexus Repository, a {@code pypi (hosted)} repository named pypi-internal. */
    public static final IndexKind NEXUS = new IndexKind("Nexus", "/repository/pypi-internal/",
            "/repository/pypi-internal/simple/", false, 400, "text/plain",
            "Repository does not allow updating assets: pypi-internal");

    /** JFrog Artifactory, a local PyPI repository named pypi-local (re-deploying needs the delete permission). */
    public static final IndexKind ARTIFACTORY = new IndexKind("Artifactory", "/artifactory/api/pypi/pypi-local",
            "/artifactory/api/pypi/pypi-local/simple/", false, 403, "application/json",
            "{\"errors\":[{\"status\":403,\"message\":\"Not enough permissions to delete/overwrite artifact"
                    + " 'pypi-local:it-pkg/1.0.0/%s' (user: 'deployer' needs DELETE permission).\"}]}");

    /** GitLab's package registry of project 42 (a private project: reading needs credentials too). */
    public static final IndexKind GITLAB = new IndexKind("GitLab", "/api/v4/projects/42/packages/pypi",
            "/api/v4/projects/42/packages/pypi/simple/", false, 400, "application/json",
            "{\"message\":\"400 Bad request - Validation failed: File name has already been taken\"}");

    /** AWS CodeArtifact, repository internal (user {@code aws}, an authorization token as password). */
    public static final IndexKind CODEARTIFACT = new IndexKind("CodeArtifact", "/pypi/internal/",
            "/pypi/internal/simple/", false, 409, "text/plain",
            "%s already exists");

    /** devpi, index alice/dev: reading is open, uploading needs the index owner's login. */
    public static final IndexKind DEVPI = new IndexKind("devpi", "/alice/dev/", "/alice/dev/+simple/", true, 409,
            "text/plain", "%s already exists in non-volatile index");

    /** pypiserver with its default {@code -a update}: reading is open, uploading needs an htpasswd login. */
    public static final IndexKind PYPISERVER = new IndexKind("pypiserver", "/", "/simple/", true, 409, "text/html",
            "<html><body><h1>Conflict</h1><p>Package '%s' already exists!</p></body></html>");

    public static java.util.List<IndexKind> all() {
        return java.util.List.of(NEXUS, ARTIFACTORY, GITLAB, CODEARTIFACT, DEVPI, PYPISERVER);
    }

    @Override
    public String toString() {
        return name;
    }
}
