package io.github.pypimaven.maven;

import static io.github.pypimaven.maven.MojoSetting.parse;

import io.github.pypimaven.publish.DistributionFiles;
import io.github.pypimaven.publish.PublishException;
import io.github.pypimaven.publish.PublishRequest;
import io.github.pypimaven.publish.Publisher;
import io.github.pypimaven.repository.RemoteIndex;
import io.github.pypimaven.upload.DigestPlacement;
import io.github.pypimaven.upload.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
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
 * ({@code mvn io.github.pypimaven:pypi-maven-plugin:publish -Dpypi.distributions='dist/*'}); there, finding no file
 * fails the build.
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class PublishMojo extends AbstractPublishingMojo {

    /**
     * Sends nothing (no token is minted either) and prints the plan: every file with its size and sha256, the target,
     * where the token would come from. Then it lists everything a real run would fail on (a bad file, no credentials,
     * a CI job without its identity token, Maven offline with an index as the target, a file the index has with other
     * bytes) and fails the build if there is anything. Offline, the release is not compared with the index
     * ({@code checkUrl}), so no request at all is made.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.dryRun", defaultValue = "false")
    private boolean dryRun;

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
     * How many files of a release are uploaded at the same time, from 1 (one after the other) to 16. Every file is
     * still checked before the first upload; when the release is new on the index its first file goes alone (it creates
     * the release), and the sdist goes after every wheel. After a failure no new upload starts, the running ones end,
     * and the message lists exactly which files the index has.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.parallelUploads", defaultValue = "4")
    private int parallelUploads;

    /**
     * Whether the digest fields follow the file in the upload form, so the file is hashed while it is sent (read once)
     * instead of before. {@code auto}: for PyPI and TestPyPI, which read the whole form before they look at a field;
     * {@code true}: for any index (only where you know it reads the whole form first); {@code false}: never.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.digestsAfterFile", defaultValue = "auto")
    private String digestsAfterFile;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Inject
    public PublishMojo(Publisher publisher, DistributionFiles distributionFiles, SettingsDecrypter settingsDecrypter) {
        super(publisher, distributionFiles, settingsDecrypter);
    }

    @Override
    public void execute() throws MojoFailureException {
        Optional<PublishRequest> request = request();
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

    /** What this project would publish, after the shared checks and the offline check; empty when nothing. */
    private Optional<PublishRequest> request() throws MojoFailureException {
        Optional<PublishRequest.Builder> prepared = prepare("PyPI publishing");
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        PublishRequest request = parse(() -> prepared.get()
                .md5Digest(md5Digest)
                .retry(new RetryPolicy(uploadAttempts, Duration.ofSeconds(2)))
                .parallelUploads(parallelUploads)
                .digestPlacement(DigestPlacement.parse(digestsAfterFile))
                .dryRun(dryRun)
                .build());
        if (request.offline() && request.target() instanceof RemoteIndex && !dryRun) {
            throw new MojoFailureException("Cannot publish to " + request.target() + " while Maven is offline (-o): run"
                    + " without -o, skip publishing with -Dpypi.skip, or check without sending with -Dpypi.dryRun.");
        }
        return Optional.of(request);
    }
}
