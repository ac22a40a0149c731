package io.github.pypimaven.maven;

import io.github.pypimaven.packaging.BuildRequest;
import io.github.pypimaven.packaging.BuiltDistributions;
import io.github.pypimaven.packaging.DistributionBuilder;
import io.github.pypimaven.packaging.GraalPyConfiguration;
import io.github.pypimaven.packaging.GraalPyPackages;
import io.github.pypimaven.packaging.PackageOptions;
import io.github.pypimaven.packaging.PackagingException;
import io.github.pypimaven.packaging.PomFacts;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.model.Developer;
import org.apache.maven.model.License;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a pure-Python wheel and an sdist from the project's Python sources and attaches both to the project, so
 * that {@code publish} finds them. Metadata comes from {@code pyproject.toml}'s {@code [project]} table when the
 * project has one, else from the POM and the parameters below.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractMojo {

    /**
     * Skips building the Python distributions.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.package.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The directory whose top holds the Python packages and modules to distribute. When not set:
     * {@code src/main/python}, or, in a project that configures graalpy-maven-plugin, GraalPy's own {@code src}
     * directory ({@code src/main/resources/org.graalvm.python.vfs/src}, following its {@code resourceDirectory} or
     * {@code externalDirectory}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.pythonSourceDirectory")
    private File pythonSourceDirectory;

    /**
     * Where the wheel and the sdist are written. This project's wheels and sdists of earlier builds (another version,
     * another tag) are removed from it first; other files stay.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.outputDirectory", defaultValue = "${project.build.directory}/dist")
    private File outputDirectory;

    /**
     * The wheel's python tag: {@code py3}, or {@code py2.py3} for code that also runs on Jython 2.7.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.pythonTag", defaultValue = "py3")
    private String pythonTag;

    /**
     * The PEP 440 version to publish, instead of the one converted from the Maven version (for example when the
     * Maven version has a qualifier that has no PEP 440 equivalent).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.pythonVersion")
    private String pythonVersion;

    /**
     * The Requires-Python specifier, such as {@code >=3.8}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.requiresPython")
    private String requiresPython;

    /**
     * The SPDX license expression, when the POM's first license name is not one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.license")
    private String license;

    /**
     * Runtime dependencies as PEP 508 requirements, such as {@code requests>=2.31}:
     * <pre>{@code
     * <dependencies>
     *   <dependency>requests>=2.31</dependency>
     *   <dependency>click~=8.1</dependency>
     * </dependencies>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> dependencies;

    /**
     * In a project that configures graalpy-maven-plugin, copies the entries of its {@code <packages>} (with their
     * version specifiers) into Requires-Dist. When false, each entry the distribution does not require is named in a
     * warning: an application's pinned packages are not necessarily its library's requirements.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.requiresFromGraalPyPackages", defaultValue = "false")
    private boolean requiresFromGraalPyPackages;

    /**
     * Console scripts as {@code name=module:function}:
     * <pre>{@code
     * <entryPoints>
     *   <entryPoint>greet=greeter.cli:main</entryPoint>
     * </entryPoints>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> entryPoints;

    /**
     * The readme that becomes the project description on PyPI; its extension (.md, .rst, .txt) gives the
     * content type.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.readme")
    private File readme;

    /**
     * Globs, relative to the project directory, of the license files to include (PEP 639). When not set, the files
     * at the top of the project named LICENSE*, LICENCE*, COPYING*, NOTICE* or AUTHORS* are included:
     * <pre>{@code
     * <licenseFiles>
     *   <licenseFile>LICENSE</licenseFile>
     *   <licenseFile>licenses/*.txt</licenseFile>
     * </licenseFiles>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> licenseFiles;

    /**
     * Whether to build the sdist as well as the wheel.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pypi.sdist", defaultValue = "true")
    private boolean sdist;

    /**
     * The time written into every archive entry, as Maven's archivers read it (ISO-8601 or epoch seconds). When
     * unset, 1980-01-01T00:00:02Z is used, so the distributions are reproducible either way.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    private final DistributionBuilder builder;
    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageMojo(DistributionBuilder builder, MavenProjectHelper projectHelper) {
        this.builder = builder;
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping the Python distributions (pypi.package.skip)");
            return;
        }
        Optional<GraalPyConfiguration> graalPy = GraalPyPlugin.configuration(project);
        if (requiresFromGraalPyPackages && graalPy.isEmpty()) {
            getLog().warn("requiresFromGraalPyPackages is ignored: this project does not configure "
                    + GraalPyPlugin.KEY);
        }
        BuildRequest request = new BuildRequest(project.getBasedir().toPath(), sourceDirectory(graalPy),
                outputDirectory.toPath(), pomFacts(), options(graalPy), pythonTag, outputTimestamp,
                "pypi-maven-plugin " + pluginVersion, sdist);
        BuiltDistributions built;
        try {
            built = builder.build(request);
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        // The attached files keep their PEP 427/625 names, which is how publish recognises them.
        projectHelper.attachArtifact(project, "whl", built.wheelTag(), built.wheel().toFile());
        if (built.sdist() != null) {
            projectHelper.attachArtifact(project, "tar.gz", "sdist", built.sdist().toFile());
        }
    }

    private Path sourceDirectory(Optional<GraalPyConfiguration> graalPy) {
        Path baseDir = project.getBasedir().toPath();
        if (pythonSourceDirectory != null) {
            return pythonSourceDirectory.toPath();
        }
        if (graalPy.isEmpty()) {
            return baseDir.resolve("src/main/python");
        }
        List<Path> resourceRoots = project.getResources().stream().map(r -> baseDir.resolve(r.getDirectory())).toList();
        Path sources = graalPy.get().pythonSourceDirectory(baseDir, resourceRoots);
        getLog().info("Python sources: " + baseDir.relativize(sources) + " (GraalPy's layout, from "
                + GraalPyPlugin.KEY + ")");
        return sources;
    }

    private PackageOptions options(Optional<GraalPyConfiguration> graalPy) {
        String readmePath = readme == null ? null : readme.getPath();
        GraalPyPackages packages = graalPy.map(g -> g.packages(requiresFromGraalPyPackages)).orElse(GraalPyPackages.none());
        return new PackageOptions(pythonVersion, requiresPython, license, dependencies, entryPoints, readmePath,
                licenseFiles, packages);
    }

    private PomFacts pomFacts() {
        List<String> licenses = project.getLicenses().stream().map(License::getName).toList();
        List<PomFacts.Developer> developers = project.getDevelopers().stream()
                .map(PackageMojo::developer).toList();
        return new PomFacts(project.getGroupId(), project.getArtifactId(), project.getVersion(),
                project.getDescription(), project.getUrl(), licenses,
                project.getScm() == null ? null : project.getScm().getUrl(),
                project.getIssueManagement() == null ? null : project.getIssueManagement().getUrl(), developers);
    }

    private static PomFacts.Developer developer(Developer d) {
        return new PomFacts.Developer(d.getName(), d.getEmail(), d.getRoles());
    }
}
