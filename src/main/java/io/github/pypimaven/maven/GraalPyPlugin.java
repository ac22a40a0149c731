package io.github.pypimaven.maven;

import io.github.pypimaven.packaging.GraalPyConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads graalpy-maven-plugin's configuration from a project's build plugins (already interpolated by Maven) into the
 * plain {@link GraalPyConfiguration} that the packaging code understands. A value set in an execution wins over the
 * plugin-level one, as it does for the GraalPy goals of that execution.
 */
final class GraalPyPlugin {

    static final String KEY = "org.graalvm.python:graalpy-maven-plugin";

    private GraalPyPlugin() {
    }

    /** The configuration, or empty when the project does not build with graalpy-maven-plugin. */
    static Optional<GraalPyConfiguration> configuration(MavenProject project) {
        Plugin plugin = project.getPlugin(KEY);
        if (plugin == null) {
            return Optional.empty();
        }
        List<Xpp3Dom> configurations = new ArrayList<>();
        for (PluginExecution execution : plugin.getExecutions()) {
            addIfXml(configurations, execution.getConfiguration());
        }
        addIfXml(configurations, plugin.getConfiguration());
        String external = value(configurations, "externalDirectory");
        return Optional.of(new GraalPyConfiguration(value(configurations, "resourceDirectory"),
                external != null ? external : value(configurations, "pythonResourcesDirectory"),
                packages(configurations)));
    }

    private static void addIfXml(List<Xpp3Dom> configurations, Object configuration) {
        if (configuration instanceof Xpp3Dom xml) {
            configurations.add(xml);
        }
    }

    private static String value(List<Xpp3Dom> configurations, String name) {
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom child = configuration.getChild(name);
            if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                return child.getValue().strip();
            }
        }
        return null;
    }

    private static List<String> packages(List<Xpp3Dom> configurations) {
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom packages = configuration.getChild("packages");
            if (packages != null && packages.getChildCount() > 0) {
                List<String> values = new ArrayList<>();
                for (Xpp3Dom entry : packages.getChildren()) {
                    if (entry.getValue() != null) {
                        values.add(entry.getValue());
                    }
                }
                return values;
            }
        }
        return List.of();
    }
}
