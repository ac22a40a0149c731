package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives each metadata field from the POM and the plugin parameters. The fields are separate methods because a
 * pyproject.toml may take only some of them from here (those it lists as {@code dynamic}).
 */
final class PomMetadataMapper {

    private static final Logger LOG = LoggerFactory.getLogger(PomMetadataMapper.class);

    private final Path baseDir;
    private final PomFacts pom;
    private final PackageOptions options;

    PomMetadataMapper(Path baseDir, PomFacts pom, PackageOptions options) {
        this.baseDir = baseDir;
        this.pom = pom;
        this.options = options;
    }

    ProjectMetadata toMetadata() throws PackagingException {
        ProjectFiles.Readme readme = readme();
        List<Person> authors = new ArrayList<>();
        List<Person> maintainers = new ArrayList<>();
        people(authors, maintainers);
        Map<String, Map<String, String>> entryPoints = new LinkedHashMap<>();
        Map<String, String> scripts = consoleScripts();
        if (!scripts.isEmpty()) {
            entryPoints.put("console_scripts", scripts);
        }
        return new ProjectMetadata(name(), version(), summary(),
                readme == null ? null : readme.text(), readme == null ? null : readme.contentType(),
                readme == null ? null : readme.path(),
                requiresPython(), license(), null, licenseFiles(), authors, maintainers, List.of(), List.of(),
                urls(), dependencies(), Map.of(), entryPoints);
    }

    ProjectName name() throws PackagingException {
        if (!ProjectName.isValid(pom.artifactId())) {
            throw new PackagingException("The artifactId '" + pom.artifactId() + "' of " + pom.id()
                    + " is not a valid Python project name; add a pyproject.toml with [project] name = \"...\"");
        }
        return new ProjectName(pom.artifactId());
    }

    Pep440Version version() throws PackagingException {
        if (options.pythonVersion() != null && !options.pythonVersion().isBlank()) {
            return Pep440Version.tryParse(options.pythonVersion()).orElseThrow(() -> new PackagingException(
                    "The pythonVersion '" + options.pythonVersion() + "' (parameter pythonVersion / property"
                    + " pypi.pythonVersion) is not a PEP 440 version; use a form like 1.2.0, 1.2.0rc1 or 1.2.0.dev0"));
        }
        try {
            return MavenVersionConverter.toPep440(pom.version());
        } catch (IllegalArgumentException e) {
            throw new PackagingException("Cannot convert the Maven version of " + pom.id() + " to a Python version: "
                    + e.getMessage() + ". Set the Python version explicitly: <pythonVersion>1.2.3</pythonVersion> in the"
                    + " pypi-maven-plugin configuration, or -Dpypi.pythonVersion=1.2.3");
        }
    }

    String summary() {
        String description = pom.description();
        if (description == null || description.isBlank()) {
            LOG.warn("The POM of {} has no <description>, so the Python distributions have no Summary (the line PyPI"
                    + " shows under the name); add <description> to the POM", pom.id());
            return null;
        }
        return description.strip().lines().findFirst().orElse("").strip();
    }

    ProjectFiles.Readme readme() throws PackagingException {
        return options.readme() == null || options.readme().isBlank()
                ? null : ProjectFiles.readme(baseDir, options.readme(), "Parameter readme");
    }

    String requiresPython() throws PackagingException {
        String value = options.requiresPython();
        if (value != null && value.contains("\n")) {
            throw new PackagingException("Parameter requiresPython must be a single line, like >=3.8");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The configured expression, else the POM's first license name when it is SPDX; a POM name that is not SPDX
     * (most POMs say "The Apache Software License, Version 2.0") only warns, because PyPI does not need a license.
     */
    String license() throws PackagingException {
        if (options.license() != null && !options.license().isBlank()) {
            return SpdxExpression.normalize(options.license()).orElseThrow(() -> new PackagingException(
                    "Parameter license (pypi.license) '" + options.license() + "' is not an SPDX license expression;"
                    + " use identifiers from https://spdx.org/licenses/ such as Apache-2.0 or MIT OR Apache-2.0"));
        }
        if (pom.licenseNames().isEmpty() || pom.licenseNames().get(0) == null) {
            LOG.warn("The POM of {} has no <licenses>, so the Python distributions declare no license; add"
                    + " <licenses><license><name>Apache-2.0</name></license></licenses> (an SPDX identifier) to the"
                    + " POM, or set the plugin parameter <license>", pom.id());
            return null;
        }
        String name = pom.licenseNames().get(0);
        var expression = SpdxExpression.normalize(name);
        if (expression.isEmpty()) {
            LOG.warn("The POM license name '{}' of {} is not an SPDX license expression, so the Python distributions"
                    + " declare no License-Expression. Write the SPDX identifier (such as Apache-2.0) in"
                    + " <licenses><license><name>, or set the plugin parameter <license>.", name, pom.id());
        }
        return expression.orElse(null);
    }

    List<String> licenseFiles() throws PackagingException {
        boolean configured = options.licenseFiles() != null;
        return ProjectFiles.licenseFiles(baseDir, configured ? options.licenseFiles() : PackageOptions.DEFAULT_LICENSE_FILES,
                configured, "Parameter licenseFiles");
    }

    /** Developers with a role containing "maintainer" are maintainers; the others authors. */
    void people(List<Person> authors, List<Person> maintainers) {
        for (PomFacts.Developer developer : pom.developers()) {
            if ((developer.name() == null || developer.name().isBlank())
                    && (developer.email() == null || developer.email().isBlank())) {
                continue;
            }
            Person person = new Person(developer.name(), developer.email());
            boolean maintainer = developer.roles().stream()
                    .anyMatch(r -> r != null && r.toLowerCase(Locale.ROOT).contains("maintainer"));
            (maintainer ? maintainers : authors).add(person);
        }
    }

    Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        putIfSet(urls, "Homepage", pom.url());
        putIfSet(urls, "Source", pom.scmUrl());
        putIfSet(urls, "Issues", pom.issuesUrl());
        return urls;
    }

    List<String> dependencies() throws PackagingException {
        for (String dependency : options.dependencies()) {
            Requirements.checkRequirement(dependency, "Parameter dependencies");
        }
        return options.graalPyPackages().addTo(options.dependencies().stream().map(String::strip).toList());
    }

    Map<String, String> consoleScripts() throws PackagingException {
        return Requirements.parseConsoleScripts(options.entryPoints(), "Parameter entryPoints");
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }

}
