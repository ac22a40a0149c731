package io.github.pypimaven.maven;

import io.github.pypimaven.publish.DistributionFiles;
import io.github.pypimaven.publish.PublishException;
import io.github.pypimaven.publish.PublishRequest;
import io.github.pypimaven.publish.Publisher;
import io.github.pypimaven.publish.Rehearsal;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs every check {@code publish} runs before it sends anything, with the same parameters, and sends nothing: the
 * files (names, metadata, archive rules), the repository URL and modes, where the token comes from, and, when Trusted
 * Publishing is to be used, that the CI job has its identity token. It prints the plan as a dry run does and fails
 * the build when publishing would fail, so a release build stops at {@code verify}, before any artifact goes to a
 * Maven repository and before any PyPI upload. Like {@code twine check --strict}, for the whole release.
 *
 * <p>It also runs without a project ({@code mvn io.github.pypimaven:pypi-maven-plugin:check
 * -Dpypi.distributions='dist/*'}), where finding no file fails.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractPublishingMojo {

    /**
     * Skips the check only (publishing is skipped with {@code pypi.skip}, which skips the check too): for a local
     * {@code mvn verify} of a release version on a machine without the release's credentials.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.check.skip", defaultValue = "false")
    private boolean checkSkip;

    @Inject
    public CheckMojo(Publisher publisher, DistributionFiles distributionFiles, SettingsDecrypter settingsDecrypter) {
        super(publisher, distributionFiles, settingsDecrypter);
    }

    @Override
    public void execute() throws MojoFailureException {
        if (checkSkip) {
            getLog().info("Skipping the PyPI check (pypi.check.skip)");
            return;
        }
        Optional<PublishRequest.Builder> request = prepare("the PyPI check");
        if (request.isEmpty()) {
            return;
        }
        try {
            publisher.rehearse(List.of(request.get().dryRun(true).build()), Rehearsal.CHECK);
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
