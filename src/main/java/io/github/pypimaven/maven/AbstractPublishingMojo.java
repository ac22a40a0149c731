package io.github.pypimaven.maven;

import static io.github.pypimaven.maven.MojoSetting.parse;

import io.github.pypimaven.ci.Environment;
import io.github.pypimaven.credentials.CredentialRequest;
import io.github.pypimaven.credentials.PasswordVariables;
import io.github.pypimaven.credentials.TrustedPublishingMode;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.publish.AttestationSettings;
import io.github.pypimaven.publish.DistributionFiles;
import io.github.pypimaven.publish.PublishException;
import io.github.pypimaven.publish.PublishRequest;
import io.github.pypimaven.publish.Publisher;
import io.github.pypimaven.repository.KnownIndex;
import io.github.pypimaven.repository.PublishTarget;
import io.github.pypimaven.repository.RemoteIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What {@code publish} and {@code check} share: the parameters that say what is published where and with which
 * credentials, and the request built from them, so that the check verifies exactly what publishing would do.
 */
abstract class AbstractPublishingMojo extends AbstractMojo {

    /**
     * The index's upload URL. PyPI: {@code https://upload.pypi.org/legacy/}; TestPyPI:
     * {@code https://test.pypi.org/legacy/}. A {@code file:} URL (relative paths resolve against the project
     * directory) publishes into a local PEP 503 index that pip can install from. Plain {@code http://} is refused
     * except for a server on this machine.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.repositoryUrl", defaultValue = KnownIndex.PYPI_UPLOAD_URL)
    private String repositoryUrl;

    /**
     * The id of a {@code <server>} in settings.xml holding the credentials: for PyPI and TestPyPI, the API token as
     * password (username {@code __token__} or none); for another index, its username and password (HTTP Basic).
     * Maven-encrypted passwords work. Used first when it exists.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.serverId", defaultValue = "pypi")
    private String serverId;

    /**
     * The NAME of an environment variable holding an API token; used when no settings.xml server is found. There
     * is deliberately no parameter that holds a token itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.tokenEnvName", defaultValue = "PYPI_API_TOKEN")
    private String tokenEnvName;

    /**
     * The NAME of an environment variable holding the username for an index other than PyPI and TestPyPI (which take
     * API tokens only); set together with {@code passwordEnvName}. Used when no settings.xml server is found, before
     * {@code tokenEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.usernameEnvName")
    private String usernameEnvName;

    /**
     * The NAME of an environment variable holding the password (or token) that goes with {@code usernameEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.passwordEnvName")
    private String passwordEnvName;

    /**
     * A trust store for indexes whose certificate comes from a company CA: a PKCS12 or JKS file, or a PEM file of CA
     * certificates (relative paths resolve against the project directory). Its certificates are trusted in addition
     * to the Java runtime's. Where the JVM's options can be set, {@code -Djavax.net.ssl.trustStore=...} in
     * {@code MAVEN_OPTS} works too, without this.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.trustStore")
    private String trustStore;

    /**
     * Where the password of {@code trustStore} is, never the password itself: {@code env:NAME} for an environment
     * variable, {@code server:ID} for the password of a settings.xml {@code <server>} (Maven-encrypted passwords
     * work). A PEM file needs none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.trustStorePassword")
    private String trustStorePassword;

    /**
     * Files to publish besides the project's wheel and sdist artifacts: paths or globs relative to the project
     * directory, e.g. {@code target/dist/*}. On the command line, comma-separated. Each must match a file:
     * <pre>{@code
     * <distributions>
     *   <distribution>target/dist/*.whl</distribution>
     *   <distribution>python/dist/*.tar.gz</distribution>
     * </distributions>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.distributions")
    private List<String> distributions;

    /**
     * Whether to use Trusted Publishing: the CI's OpenID Connect identity (GitHub Actions, GitLab CI/CD, Google
     * Cloud) is exchanged for a short-lived upload token, so no token is stored anywhere. {@code auto}: used when
     * no token is configured, a supported CI is detected and the index is PyPI or TestPyPI; {@code always}: required
     * (also for another index, with {@code oidcAudience}), and a configured token is an error; {@code never}: tokens
     * only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.trustedPublishing", defaultValue = "auto")
    private String trustedPublishing;

    /**
     * The audience of Trusted Publishing identity tokens for an index other than PyPI and TestPyPI (whose audiences,
     * {@code pypi} and {@code testpypi}, are built in). With it, and only with {@code trustedPublishing=always}, the
     * plugin asks the CI for an identity token for that audience; the index's own {@code /_/oidc/audience} answer
     * must agree. The index never chooses the audience, so it can never obtain a token meant for another service.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.oidcAudience")
    private String oidcAudience;

    /**
     * The index's simple API (PEP 691/503), asked before anything is uploaded which files the project already has:
     * a file already there with the same sha256 is not uploaded again, and one there with other bytes fails the
     * build before any upload. Defaults to {@code https://pypi.org/simple/} for PyPI and
     * {@code https://test.pypi.org/simple/} for TestPyPI; {@code none} turns the check off. For another index, the
     * upload's credentials are sent with it when it is on the upload URL's scheme, host and port, never elsewhere
     * (and Trusted Publishing tokens never). When it cannot be read, the check is skipped with a warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.checkUrl")
    private String checkUrl;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Publishes even when the Maven version ends in {@code -SNAPSHOT}; such projects are skipped by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.publishSnapshots", defaultValue = "false")
    private boolean publishSnapshots;

    /**
     * Seconds to wait for the index's answer after a file was sent. PyPI checks large files for minutes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.timeout", defaultValue = "900")
    private int timeout;

    /**
     * Whether to upload PEP 740 publish attestations, which tie each file to the CI workflow that published it (PyPI
     * shows them on the file's page). {@code auto}: with Trusted Publishing to PyPI or TestPyPI; {@code true}: with
     * Trusted Publishing to any index; {@code false}: never. Each file gets a signing certificate from Sigstore's
     * Fulcio for the job's identity and an entry in the Rekor transparency log (public and permanent: they name the
     * repository, workflow and ref), and every attestation is verified before the first upload. An existing
     * {@code <file>.publish.attestation} is uploaded instead of making a new one. PyPI accepts attestations only with
     * Trusted Publishing, so token uploads carry none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.attestations", defaultValue = "auto")
    private String attestations;

    /**
     * Sigstore's Fulcio, which certifies the attestations' signing key for the job's identity token (audience
     * {@code sigstore}, sent there and nowhere else). PyPI trusts Sigstore's public instance only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.sigstore.fulcioUrl", defaultValue = "https://fulcio.sigstore.dev")
    private String sigstoreFulcioUrl;

    /**
     * Sigstore's Rekor (v1 API), the transparency log every attestation is entered in.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.sigstore.rekorUrl", defaultValue = "https://rekor.sigstore.dev")
    private String sigstoreRekorUrl;

    /**
     * A Sigstore {@code trusted_root.json} (relative paths resolve against the project directory): with it, each
     * attestation's certificate chain, certificate timestamp, log timestamp and checkpoint are also checked against
     * those keys before the upload. Without it, everything else is checked, and PyPI checks those against Sigstore's
     * own keys.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.sigstore.trustedRoot")
    private String sigstoreTrustedRoot;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    protected final Publisher publisher;
    private final DistributionFiles distributionFiles;
    private final SettingsDecrypter settingsDecrypter;

    protected AbstractPublishingMojo(Publisher publisher, DistributionFiles distributionFiles,
            SettingsDecrypter settingsDecrypter) {
        this.publisher = publisher;
        this.distributionFiles = distributionFiles;
        this.settingsDecrypter = settingsDecrypter;
    }

    /**
     * What this project would publish, after the skip and SNAPSHOT checks; empty when nothing. Without a project, no
     * file is a failure: a release job that publishes nothing is a broken release job.
     *
     * @param what how the log names the goal's work when it is skipped: "PyPI publishing", "the PyPI check"
     */
    protected Optional<PublishRequest.Builder> prepare(String what) throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + what + " (pypi.skip)");
            return Optional.empty();
        }
        if (project.getVersion() != null && project.getVersion().endsWith("-SNAPSHOT") && !publishSnapshots) {
            getLog().info("Skipping " + what + " of the SNAPSHOT version " + project.getVersion()
                    + " (set pypi.publishSnapshots to publish it)");
            return Optional.empty();
        }
        Path baseDirectory = baseDirectory();
        PublishTarget target = parse(() -> PublishTarget.parse(repositoryUrl, baseDirectory));
        try {
            List<Path> files = distributionFiles.collect(ProjectArtifacts.files(project), baseDirectory,
                    distributions == null ? List.of() : distributions);
            if (files.isEmpty()) {
                if (project.getFile() == null) { // run in a directory without a POM: Maven's stand-in project
                    throw new MojoFailureException("No wheel or sdist to publish: without a project, pypi.distributions"
                            + " must name the files, e.g. -Dpypi.distributions='dist/*' (relative to " + baseDirectory
                            + "). A release job that publishes nothing is a broken release job.");
                }
                getLog().warn("No wheel or sdist to publish: the project has no .whl or .tar.gz artifact with a"
                        + " distribution file name, and pypi.distributions is not set.");
                return Optional.empty();
            }
            return Optional.of(PublishRequest.builder(files, target, credentials())
                    .http(http(baseDirectory))
                    .offline(session.isOffline())
                    .transferProgress(TransferProgress.shown(session, getLog()))
                    .checkUrl(target instanceof RemoteIndex index ? parse(() -> index.checkUrl(checkUrl)) : Optional.empty())
                    .attestations(parse(() -> AttestationSettings.parse(attestations, sigstoreFulcioUrl,
                            sigstoreRekorUrl, sigstoreTrustedRoot, baseDirectory))));
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private Path baseDirectory() {
        return project.getBasedir() != null ? project.getBasedir().toPath() : Path.of("").toAbsolutePath();
    }

    private HttpSettings http(Path baseDirectory) throws MojoFailureException {
        return new HttpSettings(Duration.ofSeconds(30), Duration.ofSeconds(Math.max(timeout, 1)),
                HttpSettings.defaults().userAgent(), SettingsProxy.read(session.getSettings(), settingsDecrypter),
                TrustStoreSetting.read(trustStore, trustStorePassword, baseDirectory, session.getSettings(),
                        settingsDecrypter, Environment.system()));
    }

    private CredentialRequest credentials() throws MojoFailureException {
        return new CredentialRequest(parse(() -> TrustedPublishingMode.parse(trustedPublishing)),
                SettingsServer.read(session.getSettings(), serverId, settingsDecrypter,
                        "the API token (or, for an index other than PyPI, the password)"),
                tokenEnvName, parse(() -> PasswordVariables.of(usernameEnvName, passwordEnvName)), Environment.system(),
                Optional.ofNullable(oidcAudience));
    }
}
