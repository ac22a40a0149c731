package io.github.pypimaven.packaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packages graalpy-maven-plugin installs for a GraalPy application ({@code <packages>}: pip requirement strings,
 * often pinned with {@code ==}), set against the Requires-Dist of the distribution built from the same project. An
 * application's pins are not a library's requirements, so they become Requires-Dist only when asked
 * ({@code requiresFromGraalPyPackages}); otherwise each one the distribution does not require is named in a warning,
 * since a pip user of the distribution would not get it.
 *
 * @param requirements the {@code <packages>} entries; empty for a project without graalpy-maven-plugin
 * @param copy whether the entries that Requires-Dist does not name are added to it, specifiers and all
 */
public record GraalPyPackages(List<String> requirements, boolean copy) {

    private static final Logger LOG = LoggerFactory.getLogger(GraalPyPackages.class);
    private static final String ORIGIN = "graalpy-maven-plugin's <packages>";

    public GraalPyPackages {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    public static GraalPyPackages none() {
        return new GraalPyPackages(List.of(), false);
    }

    /**
     * The dependencies from the plugin configuration with, when copying, each package they do not name. Used where
     * the metadata takes its dependencies from the POM side (no pyproject.toml, or one that lists them as dynamic).
     */
    List<String> addTo(List<String> dependencies) throws PackagingException {
        if (!copy) {
            return dependencies;
        }
        List<String> result = new ArrayList<>(dependencies);
        Set<String> named = names(dependencies);
        for (String requirement : requirements) {
            Requirements.checkRequirement(requirement, ORIGIN);
            if (named.add(Requirements.projectName(requirement))) {
                result.add(requirement);
                LOG.info("Requires-Dist: {} (copied from {}: requiresFromGraalPyPackages)", requirement, ORIGIN);
            }
        }
        return result;
    }

    /**
     * Names, in a warning each, the packages that the built metadata does not require. When copying was asked, the
     * only way one can still be missing is a pyproject.toml whose {@code dependencies} are static, which a build
     * backend may not extend (PEP 621): that is an error.
     *
     * @param metadataSource where the metadata came from, for the messages (the pyproject.toml, or the POM)
     */
    void check(ProjectMetadata metadata, String metadataSource) throws PackagingException {
        Set<String> required = names(metadata.dependencies());
        List<String> missing = new ArrayList<>();
        for (String requirement : requirements) {
            if (!Requirements.isRequirement(requirement)) {
                LOG.warn("{} lists '{}', which is not a requirement by name; it is not compared with {}'s"
                        + " Requires-Dist", ORIGIN, requirement, metadata.name());
            } else if (!required.contains(Requirements.projectName(requirement))) {
                missing.add(requirement);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (copy) {
            throw new PackagingException("pypi.requiresFromGraalPyPackages is set, but " + metadataSource
                    + " lists [project].dependencies, which PEP 621 forbids a build backend to extend; write "
                    + String.join(", ", missing) + " there, or replace the list by \"dependencies\" in"
                    + " [project].dynamic to take them from " + ORIGIN);
        }
        for (String requirement : missing) {
            LOG.warn("{} installs '{}', but {} {} does not require it (no Requires-Dist names it), so pip users of"
                    + " the distribution will not get it. An application's pins are not a library's requirements, so"
                    + " it is not copied: add it to the dependencies if the Python code needs it, or set"
                    + " pypi.requiresFromGraalPyPackages=true to copy <packages> into Requires-Dist",
                    ORIGIN, requirement, metadata.name(), metadata.version());
        }
    }

    private static Set<String> names(List<String> requirements) {
        Set<String> names = new HashSet<>();
        for (String requirement : requirements) {
            if (Requirements.isRequirement(requirement)) {
                names.add(Requirements.projectName(requirement));
            }
        }
        return names;
    }
}
