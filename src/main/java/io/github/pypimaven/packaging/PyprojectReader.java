package io.github.pypimaven.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pypimaven.distribution.DescriptionContentType;
import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code [project]} table of a pyproject.toml (PEP 621, with PEP 639 licenses). Fields listed in
 * {@code dynamic} come from the POM and the plugin parameters; everything else comes only from the file, as PEP 621
 * requires of a build backend. The license fields are {@link PyprojectLicense}'s, the entry points
 * {@link PyprojectEntryPoints}'s.
 */
final class PyprojectReader {

    private static final Logger LOG = LoggerFactory.getLogger(PyprojectReader.class);

    private static final Set<String> KNOWN_KEYS = Set.of("name", "version", "description", "readme", "requires-python",
            "license", "license-files", "authors", "maintainers", "keywords", "classifiers", "urls", "dependencies",
            "optional-dependencies", "scripts", "gui-scripts", "entry-points", "dynamic");
    /** The fields the POM or the parameters can supply. */
    private static final Set<String> DYNAMIC_FROM_POM = Set.of("version", "description", "readme", "requires-python",
            "license", "license-files", "authors", "maintainers", "urls", "dependencies", "scripts");
    private static final String PEOPLE_FORM = "must be an array of tables like {name = \"...\", email = \"...\"}";

    private final Path file;
    private final Path baseDir;
    private final PomMetadataMapper pom;
    private final PackageOptions options;
    private PyprojectTable project;
    private Set<String> dynamic;

    PyprojectReader(Path file, PomMetadataMapper pom, PackageOptions options) {
        this.file = file;
        this.baseDir = file.toAbsolutePath().getParent();
        this.pom = pom;
        this.options = options;
    }

    ProjectMetadata read() throws PackagingException {
        project = PyprojectTable.read(file);
        if (project.hasBuildSystem()) {
            LOG.warn("{}: [build-system] is ignored. pypi-maven-plugin builds the wheel and the sdist itself, so the"
                    + " backend named there never runs (the sdist names its own, hatchling); remove the table, or build"
                    + " with that backend (python -m build) and publish its files with <distributions>", file);
        }
        checkKeys();
        dynamic = dynamic();
        warnAboutIgnoredParameters();
        ProjectName name = name();
        Pep440Version version = version();
        String summary = dynamic.contains("description") ? pom.summary() : project.string("description");
        if (summary != null && summary.contains("\n")) {
            throw project.problem("description", "must be a single line (it becomes the Summary); put long text in"
                    + " readme");
        }
        ProjectFiles.Readme readme = dynamic.contains("readme") ? pom.readme() : readme();
        String requiresPython = dynamic.contains("requires-python")
                ? pom.requiresPython() : project.string("requires-python");
        PyprojectLicense license = PyprojectLicense.read(project, dynamic, pom, baseDir);
        List<Person> authors = people("authors");
        List<Person> maintainers = people("maintainers");
        Map<String, String> urls = dynamic.contains("urls") ? pom.urls() : project.stringTable("urls");
        List<String> dependencies = dependencies();
        List<String> keywords = project.strings("keywords");
        List<String> classifiers = project.strings("classifiers");
        Map<String, List<String>> optionalDependencies = optionalDependencies();
        Map<String, Map<String, String>> entryPoints = PyprojectEntryPoints.read(project,
                dynamic.contains("scripts") ? pom.consoleScripts() : project.stringTable("scripts"));
        return new ProjectMetadata(name, version, summary,
                readme == null ? null : readme.text(), readme == null ? null : readme.contentType(),
                readme == null ? null : readme.path(), requiresPython, license.expression(), license.legacyLicense(),
                license.licenseFiles(), authors, maintainers, keywords, classifiers, urls, dependencies,
                optionalDependencies, entryPoints);
    }

    private void checkKeys() throws PackagingException {
        for (Iterator<String> keys = project.keys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN_KEYS.contains(key)) {
                throw project.problem(key, "is not a PEP 621 key (known keys: " + new TreeSet<>(KNOWN_KEYS) + ")");
            }
        }
    }

    private Set<String> dynamic() throws PackagingException {
        Set<String> fields = new HashSet<>(project.strings("dynamic"));
        for (String field : fields) {
            if (!DYNAMIC_FROM_POM.contains(field)) {
                throw project.problem("dynamic", "lists '" + field + "', which pypi-maven-plugin cannot supply; write"
                        + " it in [project] (dynamic fields it fills from the POM: " + new TreeSet<>(DYNAMIC_FROM_POM)
                        + ")");
            }
            if (project.has(field)) {
                throw project.problem(field, "is both set and listed in dynamic; remove one of them");
            }
        }
        return fields;
    }

    private ProjectName name() throws PackagingException {
        String name = project.string("name");
        if (name == null) {
            throw project.problem("name", "is missing; every project needs a name");
        }
        return ProjectName.tryParse(name).orElseThrow(() -> project.problem("name", "'" + name + "' is not a valid"
                + " project name (ASCII letters, digits, '.', '_', '-'; starting and ending with a letter or digit)"));
    }

    private Pep440Version version() throws PackagingException {
        if (dynamic.contains("version")) {
            return pom.version();
        }
        String text = project.string("version");
        if (text == null) {
            throw project.problem("version", "is missing; set version = \"1.2.3\", or add \"version\" to dynamic to"
                    + " use the Maven version");
        }
        Pep440Version version = Pep440Version.tryParse(text).orElseThrow(() -> project.problem("version",
                "'" + text + "' is not a PEP 440 version (for example 1.2.0, 1.2.0rc1, 1.2.0.dev0)"));
        warnIfNotTheMavenVersion(version);
        return version;
    }

    /** A static version that drifted from the POM's is the classic release mistake: the old version published again. */
    private void warnIfNotTheMavenVersion(Pep440Version version) {
        try {
            Pep440Version maven = pom.version();
            if (!maven.equals(version)) {
                LOG.warn("{}: [project].version is {}, but the Maven version (the POM's <version>) gives {}; the"
                        + " distributions get {}. Add \"version\" to [project].dynamic (and remove version) to follow"
                        + " the POM", file, version.normalized(), maven.normalized(), version.normalized());
            }
        } catch (PackagingException e) {
            // The Maven version has no PEP 440 form, which is why a static version can be right here.
        }
    }

    private ProjectFiles.Readme readme() throws PackagingException {
        JsonNode readme = project.get("readme");
        if (readme == null) {
            return null;
        }
        if (readme.isTextual()) {
            return ProjectFiles.readme(baseDir, readme.asText(), project.location("readme"));
        }
        if (!readme.isObject()) {
            throw project.problem("readme", "must be a path string or a table with file or text and content-type");
        }
        String path = project.tableString(readme, "readme", "file");
        String text = project.tableString(readme, "readme", "text");
        String contentType = project.tableString(readme, "readme", "content-type");
        if ((path == null) == (text == null)) {
            throw project.problem("readme", "table must have exactly one of file or text");
        }
        if (contentType == null) {
            throw project.problem("readme", "table needs content-type (" + DescriptionContentType.mimeTypes() + ")");
        }
        if (DescriptionContentType.forValue(contentType).isEmpty()) {
            throw project.problem("readme", "content-type '" + contentType + "' is not one PyPI renders; use "
                    + DescriptionContentType.mimeTypes());
        }
        if (text != null) {
            return new ProjectFiles.Readme(null, text, contentType);
        }
        return ProjectFiles.readme(baseDir, path, contentType, project.location("readme"));
    }

    /** Authors or maintainers: from the POM's developers when dynamic, else from the file. */
    private List<Person> people(String key) throws PackagingException {
        if (dynamic.contains(key)) {
            List<Person> authors = new ArrayList<>();
            List<Person> maintainers = new ArrayList<>();
            pom.people(authors, maintainers);
            return key.equals("authors") ? authors : maintainers;
        }
        JsonNode list = project.get(key);
        List<Person> people = new ArrayList<>();
        if (list == null) {
            return people;
        }
        if (!list.isArray()) {
            throw project.problem(key, PEOPLE_FORM);
        }
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw project.problem(key, PEOPLE_FORM);
            }
            String name = project.tableString(entry, key, "name");
            String email = project.tableString(entry, key, "email");
            if (name == null && email == null) {
                throw project.problem(key, "has an entry with neither name nor email");
            }
            people.add(new Person(name, email));
        }
        return people;
    }

    private List<String> dependencies() throws PackagingException {
        if (dynamic.contains("dependencies")) {
            return pom.dependencies();
        }
        List<String> dependencies = project.strings("dependencies");
        for (String dependency : dependencies) {
            Requirements.checkRequirement(dependency, project.location("dependencies"));
        }
        return dependencies;
    }

    private Map<String, List<String>> optionalDependencies() throws PackagingException {
        JsonNode table = project.get("optional-dependencies");
        Map<String, List<String>> extras = new TreeMap<>();
        if (table == null) {
            return extras;
        }
        if (!table.isObject()) {
            throw project.problem("optional-dependencies", "must be a table of extra name = [requirements]");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = "optional-dependencies." + entry.getKey();
            String extra = Requirements.normalizeExtra(entry.getKey(), project.location(key));
            List<String> requirements = project.stringArray(entry.getValue(), key);
            for (String requirement : requirements) {
                Requirements.checkRequirement(requirement, project.location(key));
            }
            if (extras.put(extra, requirements) != null) {
                throw project.problem(key, "names the same extra as another key once normalized ('" + extra + "')");
            }
        }
        return extras;
    }

    private void warnAboutIgnoredParameters() {
        warnIfIgnored("requires-python", options.requiresPython() != null, "requiresPython");
        warnIfIgnored("dependencies", !options.dependencies().isEmpty(), "dependencies");
        warnIfIgnored("scripts", !options.entryPoints().isEmpty(), "entryPoints");
        warnIfIgnored("readme", options.readme() != null, "readme");
        warnIfIgnored("license-files", options.licenseFiles() != null, "licenseFiles");
        warnIfIgnored("license", options.license() != null, "license");
        warnIfIgnored("version", options.pythonVersion() != null, "pythonVersion");
    }

    private void warnIfIgnored(String field, boolean parameterSet, String parameter) {
        if (parameterSet && !dynamic.contains(field)) {
            LOG.warn("The parameter {} is ignored because {} defines the metadata in [project]; add \"{}\" to"
                    + " [project].dynamic to take it from the plugin configuration", parameter, file, field);
        }
    }
}
