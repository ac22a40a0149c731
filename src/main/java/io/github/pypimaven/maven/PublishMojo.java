package io.github.pypimaven.maven;

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
import io.github.pypimaven.upload.RetryPolicy;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes the project's Python distributions (wheels and sdists) to PyPI or another index that speaks PyPI's
 * upload API, or to a local {@code file:} index.
 *
 * <p>Every file is read and checked before the first one is uploaded, so a bad file means nothing is published.
 * Wheels are uploaded first and the sdist last. The goal also runs without a project
 * ({@code mvn io.github.pypimaven:pypi-maven-plugin:publish -Dpypi.distributions='dist/*'}).
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class PublishMojo extends AbstractMojo {

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
     * password (username {@code __token__} or none); for another index, its username and password (HTTP Basic). Maven-
     * encrypted passwords work. Used first when it exists.
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
     * The NAME of an environment variable holding the username of an index other than PyPI and TestPyPI (which take
     * API tokens only); set together with {@code passwordEnvName}. Used when no settings.xml server is found, before
     * {@code tokenEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.usernameEnvName")
    private String usernameEnvName;

    /**
     * The NAME of an environment variable holding the password that goes with {@code usernameEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.passwordEnvName")
    private String passwordEnvName;

    /**
     * A trust store for indexes whose certificate comes from a company CA: a PKCS12 or JKS file, or a PEM file of CA
     * certificates (relative paths resolve against the project directory). Its certificates are trusted in addition
     * to the Java runtime's. Where the JVM's own can be set, {@code -Djavax.net.ssl.trustStore=...} in
     * {@code MAVEN_OPTS} works too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.trustStore")
    private String trustStore;

    /**
     * The NAME of an environment variable holding the password of {@code trustStore} (a PEM file needs none).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.trustStorePasswordEnvName")
    private String trustStorePasswordEnvName;

    /**
     * The id of a {@code <server>} in settings.xml whose password is the password of {@code trustStore}; used before
     * {@code trustStorePasswordEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.trustStoreServerId")
    private String trustStoreServerId;

    /**
     * Files to publish besides the project's wheel and sdist artifacts: paths or globs relative to the project
     * directory, e.g. {@code target/dist/*}. On the command line, comma-separated. Each must match a file.
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

    /**
     * Checks every file and chooses the credentials as a real run would, then says what would be published, and
     * where to, without sending anything (no token is minted either). Works offline; then the release is not compared
     * with the index ({@code checkUrl}) either, so no request at all is made.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * The index's simple API (PEP 691/503), asked before anything is uploaded which files the project already has:
     * a file already there with the same sha256 is not uploaded again, and one there with other bytes fails the
     * build before any upload. Defaults to {@code https://pypi.org/simple/} for PyPI and
     * {@code https://test.pypi.org/simple/} for TestPyPI; {@code none} turns the check off. For another index, the
     * upload credentials are sent with it when it is on the upload URL's host (scheme, host and port), never
     * elsewhere; Trusted Publishing tokens never. When it cannot be read, the check is skipped with a warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.checkUrl")
    private String checkUrl;

    /**
     * In a multi-module build, publishes all modules' distributions only once the last module that publishes has
     * been built, so that a module failing later cannot leave the others released (PyPI uploads cannot be taken
     * back). All releases are checked before the first upload. Without it, each module publishes in its own
     * deploy phase.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.publishAtEnd", defaultValue = "true")
    private boolean publishAtEnd;

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
     * Also sends an MD5 digest. PyPI needs only SHA-256; some third-party indexes want MD5.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.md5Digest", defaultValue = "false")
    private boolean md5Digest;

    /**
     * How many times one file is tried when the index is unreachable or answers 5xx, 408 or 429 (other errors are
     * never retried). Re-sending is safe: PyPI accepts an identical file again.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.uploadAttempts", defaultValue = "3")
    private int uploadAttempts;

    /**
     * Seconds to wait for the index's answer after a file was sent. PyPI checks large files for minutes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.timeout", defaultValue = "900")
    private int timeout;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    private final Publisher publisher;
    private final DistributionFiles distributionFiles;
    private final SettingsDecrypter settingsDecrypter;

    @Inject
    public PublishMojo(Publisher publisher, DistributionFiles distributionFiles, SettingsDecrypter settingsDecrypter) {
        this.publisher = publisher;
        this.distributionFiles = distributionFiles;
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoFailureException {
        Optional<PublishRequest> request = prepare();
        ReactorPublishing reactor = new ReactorPublishing(session, plugin);
        List<MavenProject> publishing = reactor.publishingProjects();
        if (!publishAtEnd || publishing.size() <= 1 || !publishing.contains(project)) {
            if (request.isPresent()) {
                publish(List.of(request.get()));
            }
            return;
        }
        Optional<List<PublishRequest>> all = reactor.record(project, request, publishing);
        if (all.isPresent()) {
            if (!all.get().isEmpty()) {
                getLog().info("All " + publishing.size() + " modules that publish are built; publishing their"
                        + " distributions now (publishAtEnd)");
                publish(all.get());
            }
        } else {
            getLog().info("Publishing deferred until the last module that publishes is built (" + reactor.recorded(publishing)
                    + " of " + publishing.size() + " ready; pypi.publishAtEnd)");
        }
    }

    private void publish(List<PublishRequest> requests) throws MojoFailureException {
        try {
            publisher.publishAll(requests);
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** What this project would publish, after the skip, SNAPSHOT and offline checks; empty when nothing. */
    private Optional<PublishRequest> prepare() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping PyPI publishing (pypi.skip)");
            return Optional.empty();
        }
        if (project.getVersion() != null && project.getVersion().endsWith("-SNAPSHOT") && !publishSnapshots) {
            getLog().info("Skipping PyPI publishing of the SNAPSHOT version " + project.getVersion()
                    + " (set pypi.publishSnapshots to publish it)");
            return Optional.empty();
        }
        Path baseDirectory = project.getBasedir() != null ? project.getBasedir().toPath() : Path.of("").toAbsolutePath();
        PublishTarget target = parse(() -> PublishTarget.parse(repositoryUrl, baseDirectory));
        if (session.isOffline() && target instanceof RemoteIndex && !dryRun) {
            throw new MojoFailureException("Cannot publish to " + target + " while Maven is offline (-o): run without"
                    + " -o, skip publishing with -Dpypi.skip, or check without sending with -Dpypi.dryRun.");
        }
        try {
            List<Path> files = distributionFiles.collect(artifactFiles(), baseDirectory,
                    distributions == null ? List.of() : distributions);
            if (files.isEmpty()) {
                getLog().warn("No wheel or sdist to publish: the project has no .whl or .tar.gz artifact with a"
                        + " distribution file name, and pypi.distributions is not set.");
                return Optional.empty();
            }
            return Optional.of(PublishRequest.builder(files, target, credentials())
                    .md5Digest(md5Digest)
                    .retry(parse(() -> new RetryPolicy(uploadAttempts, Duration.ofSeconds(2))))
                    .http(new HttpSettings(Duration.ofSeconds(30), Duration.ofSeconds(Math.max(timeout, 1)),
                            HttpSettings.defaults().userAgent(), SettingsProxy.read(session.getSettings(), settingsDecrypter),
                            TrustStoreSetting.read(trustStore, trustStoreServerId, trustStorePasswordEnvName,
                                    baseDirectory, session.getSettings(), settingsDecrypter, Environment.system())))
                    .dryRun(dryRun)
                    .offline(session.isOffline())
                    .checkUrl(target instanceof RemoteIndex index ? parse(() -> index.checkUrl(checkUrl)) : Optional.empty())
                    .attestations(parse(() -> AttestationSettings.parse(attestations, sigstoreFulcioUrl,
                            sigstoreRekorUrl, sigstoreTrustedRoot, baseDirectory)))
                    .build());
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private CredentialRequest credentials() throws MojoFailureException {
        return new CredentialRequest(parse(() -> TrustedPublishingMode.parse(trustedPublishing)),
                SettingsServer.read(session.getSettings(), serverId, settingsDecrypter,
                        "the API token (or, for an index other than PyPI, the password)"),
                tokenEnvName, parse(() -> PasswordVariables.of(usernameEnvName, passwordEnvName)), Environment.system(),
                Optional.ofNullable(oidcAudience));
    }

    private List<Path> artifactFiles() {
        List<Path> files = new ArrayList<>();
        add(files, project.getArtifact());
        project.getAttachedArtifacts().forEach(artifact -> add(files, artifact));
        return files;
    }

    private static void add(List<Path> files, Artifact artifact) {
        File file = artifact == null ? null : artifact.getFile();
        if (file != null) {
            files.add(file.toPath());
        }
    }

    /** Turns a bad setting into a build failure whose message names the setting. */
    private static <T> T parse(java.util.function.Supplier<T> setting) throws MojoFailureException {
        try {
            return setting.get();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
