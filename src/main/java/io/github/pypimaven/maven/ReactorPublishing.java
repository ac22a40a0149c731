package io.github.pypimaven.maven;

import io.github.pypimaven.publish.PublishRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Publishing at the end of a multi-module build: each module that runs {@code pypi:publish} records what it would
 * publish in its plugin context, and the module that records last publishes everything. A module that fails
 * before its publish step never records, so then nothing is published: PyPI uploads cannot be taken back, and a
 * reactor must not half-release.
 */
final class ReactorPublishing {

    private static final String REQUEST = ReactorPublishing.class.getName() + ".request";
    private static final String DONE = ReactorPublishing.class.getName() + ".done";

    private final MavenSession session;
    private final PluginDescriptor plugin;

    ReactorPublishing(MavenSession session, PluginDescriptor plugin) {
        this.session = session;
        this.plugin = plugin;
    }

    /** The reactor's projects whose build runs this plugin's publish goal, in build order. */
    List<MavenProject> publishingProjects() {
        List<MavenProject> projects = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            Plugin ours = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(plugin.getPluginLookupKey());
            if (ours != null && ours.getExecutions().stream().anyMatch(ReactorPublishing::runsPublish)) {
                projects.add(project);
            }
        }
        return projects;
    }

    /**
     * Whether the execution runs the publish goal. {@code <phase>none</phase>} is how a module switches an inherited
     * execution off, so such a module never records and must not be waited for (as maven-deploy-plugin counts for
     * deploy-at-end); an execution without a phase runs in the goal's default phase, deploy.
     */
    private static boolean runsPublish(PluginExecution execution) {
        return execution.getGoals().contains("publish") && !"none".equals(execution.getPhase());
    }

    /**
     * Records this project's request (empty: nothing to publish) and returns every recorded request once the last
     * publishing project has recorded; until then, and for every later call, empty.
     */
    Optional<List<PublishRequest>> record(MavenProject project, Optional<PublishRequest> request, List<MavenProject> publishing) {
        Map<String, Object> shared = session.getPluginContext(plugin, session.getTopLevelProject());
        synchronized (shared) { // modules built in parallel (-T) record concurrently
            session.getPluginContext(plugin, project).put(REQUEST, request);
            List<PublishRequest> all = new ArrayList<>();
            for (MavenProject other : publishing) {
                Object recorded = session.getPluginContext(plugin, other).get(REQUEST);
                if (!(recorded instanceof Optional<?> optional)) {
                    return Optional.empty();
                }
                optional.map(PublishRequest.class::cast).ifPresent(all::add);
            }
            return shared.putIfAbsent(DONE, Boolean.TRUE) == null ? Optional.of(all) : Optional.empty();
        }
    }

    /** How many of the publishing projects have recorded so far. */
    long recorded(List<MavenProject> publishing) {
        return publishing.stream().filter(p -> session.getPluginContext(plugin, p).containsKey(REQUEST)).count();
    }
}
