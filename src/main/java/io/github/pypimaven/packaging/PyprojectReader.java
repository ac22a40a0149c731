package io.github.pypimaven.packaging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.pypimaven.distribution.DescriptionContentType;
import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code [project]} table of a pyproject.toml (PEP 621, with PEP 639 licenses). Fields listed in
 * {@code dynamic} come from the POM and the plugin parameters; everything else comes only from the file, as PEP 621
 * requires of a build backend.
 */
final class PyprojectReader {

    private static final Logger LOG = LoggerFactory.getLogger(PyprojectReader.class);

    private static final Set<String> KNOWN_KEYS = Set.of("name", "version", "description", "readme", "requires-python",
            "license", "license-files", "authors", "maintainers", "keywords", "classifiers", "urls", "dependencies",
            "optional-dependencies", "scripts", "gui-scripts", "entry-points", "dynamic");
    /** The fields the POM or the parameters can supply. */
    private static final Set<String> DYNAMIC_FROM_POM = Set.of("version", "description", "readme", "requires-python",
            "license", "license-files", "authors", "maintainers", "urls", "dependencies", "scripts");

    private final Path file;
    private final Path baseDir;
    private final PomMetadataMapper pom;
    private final PackageOptions options;
    private JsonNode project;
    private Set<String> dynamic;

    PyprojectReader(Path file, PomMetadataMapper pom, PackageOptions options) {
        this.file = file;
        this.baseDir = file.toAbsolutePath().getParent();
        this.pom = pom;
        this.options = options;
    }

    ProjectMetadata read() throws PackagingException {
        JsonNode root = parse();
        project = root.get("project");
        if (project == null || !project.isObject()) {
            throw problem("project", "has no [project] table; add one with at least name = \"...\" (PEP 621)");
        }
        for (Iterator<String> keys = project.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN_KEYS.contains(key)) {
                throw problem(key, "is not a PEP 621 key (known keys: " + new java.util.TreeSet<>(KNOWN_KEYS) + ")");
            }
        }
        dynamic = new HashSet<>(strings("dynamic"));
        for (String field : dynamic) {
            if (!DYNAMIC_FROM_POM.contains(field)) {
                throw problem("dynamic", "lists '" + field + "', which pypi-maven-plugin cannot supply; write it in"
                        + " [project] (dynamic fields it fills from the POM: " + new java.util.TreeSet<>(DYNAMIC_FROM_POM) + ")");
            }
            if (project.has(field)) {
                throw problem(field, "is both set and listed in dynamic; remove one of them");
            }
        }
        warnAboutIgnoredParameters();

        String nameText = string("name");
        if (nameText == null) {
            throw problem("name", "is missing; every project needs a name");
        }
        if (!ProjectName.isValid(nameText)) {
            throw problem("name", "'" + nameText + "' is not a valid project name (ASCII letters, digits, '.', '_', '-';"
                    + " starting and ending with a letter or digit)");
        }
        ProjectName name = new ProjectName(nameText);
        Pep440Version version = version();

        String summary = dynamic.contains("description") ? pom.summary() : string("description");
        if (summary != null && summary.contains("\n")) {
            throw problem("description", "must be a single line (it becomes the Summary); put long text in readme");
        }
        ProjectFiles.Readme readme = dynamic.contains("readme") ? pom.readme() : readme();
        String requiresPython = dynamic.contains("requires-python") ? pom.requiresPython() : string("requires-python");

        String expression = null;
        String legacyLicense = null;
        List<String> licenseFiles;
        JsonNode license = project.get("license");
        if (dynamic.contains("license")) {
            expression = pom.license();
        } else if (license != null && license.isTextual()) {
            expression = SpdxExpression.normalize(license.asText()).orElseThrow(() -> problem("license",
                    "'" + license.asText() + "' is not an SPDX license expression (PEP 639); use identifiers from"
                    + " https://spdx.org/licenses/ such as MIT or Apache-2.0"));
        } else if (license != null && !license.isObject()) {
            throw problem("license", "must be an SPDX expression string (PEP 639) or a table with file or text");
        }
        List<String> legacyLicenseFile = new ArrayList<>();
        if (license != null && license.isObject()) {
            if (project.has("license-files")) {
                throw problem("license", "is a table, which PEP 639 forbids together with license-files; write"
                        + " license = \"<SPDX expression>\"");
            }
            String text = tableString(license, "license", "text");
            String licenseFile = tableString(license, "license", "file");
            if ((text == null) == (licenseFile == null)) {
                throw problem("license", "table must have exactly one of file or text");
            }
            legacyLicense = text;
            if (licenseFile != null) {
                legacyLicenseFile.add(licenseFile);
            }
        }
        if (dynamic.contains("license-files")) {
            licenseFiles = pom.licenseFiles();
        } else if (project.has("license-files")) {
            licenseFiles = ProjectFiles.licenseFiles(baseDir, strings("license-files"), true, file + ": [project].license-files");
        } else if (!legacyLicenseFile.isEmpty()) {
            licenseFiles = ProjectFiles.licenseFiles(baseDir, legacyLicenseFile, true, file + ": [project].license.file");
        } else {
            licenseFiles = ProjectFiles.licenseFiles(baseDir, PackageOptions.DEFAULT_LICENSE_FILES, false, file.toString());
        }

        List<Person> authors = new ArrayList<>();
        List<Person> maintainers = new ArrayList<>();
        if (dynamic.contains("authors") || dynamic.contains("maintainers")) {
            List<Person> pomAuthors = new ArrayList<>();
            List<Person> pomMaintainers = new ArrayList<>();
            pom.people(pomAuthors, pomMaintainers);
            authors.addAll(dynamic.contains("authors") ? pomAuthors : people("authors"));
            maintainers.addAll(dynamic.contains("maintainers") ? pomMaintainers : people("maintainers"));
        } else {
            authors.addAll(people("authors"));
            maintainers.addAll(people("maintainers"));
        }

        Map<String, String> urls = dynamic.contains("urls") ? pom.urls() : stringTable(project, "urls");
        List<String> dependencies;
        if (dynamic.contains("dependencies")) {
            dependencies = pom.dependencies();
        } else {
            dependencies = strings("dependencies");
            for (String dependency : dependencies) {
                Requirements.checkRequirement(dependency, location("dependencies"));
            }
        }
        return new ProjectMetadata(name, version, summary,
                readme == null ? null : readme.text(), readme == null ? null : readme.contentType(),
                readme == null ? null : readme.path(),
                requiresPython, expression, legacyLicense, licenseFiles, authors, maintainers,
                strings("keywords"), strings("classifiers"), urls, dependencies, optionalDependencies(), entryPoints());
    }

    private JsonNode parse() throws PackagingException {
        try {
            JsonNode root = new TomlMapper().readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new PackagingException(file + " is empty; add a [project] table (PEP 621)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null || where.getLineNr() < 0 ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new PackagingException(file + " is not valid TOML" + position + ": " + e.getOriginalMessage()
                    + "; fix the syntax", e);
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Pep440Version version() throws PackagingException {
        if (dynamic.contains("version")) {
            return pom.version();
        }
        String text = string("version");
        if (text == null) {
            throw problem("version", "is missing; set version = \"1.2.3\", or add \"version\" to dynamic to use the"
                    + " Maven version");
        }
        return Pep440Version.tryParse(text).orElseThrow(() -> problem("version",
                "'" + text + "' is not a PEP 440 version (for example 1.2.0, 1.2.0rc1, 1.2.0.dev0)"));
    }

    private ProjectFiles.Readme readme() throws PackagingException {
        JsonNode readme = project.get("readme");
        if (readme == null) {
            return null;
        }
        if (readme.isTextual()) {
            return ProjectFiles.readme(baseDir, readme.asText(), location("readme"));
        }
        if (!readme.isObject()) {
            throw problem("readme", "must be a path string or a table with file or text and content-type");
        }
        String path = tableString(readme, "readme", "file");
        String text = tableString(readme, "readme", "text");
        String contentType = tableString(readme, "readme", "content-type");
        if ((path == null) == (text == null)) {
            throw problem("readme", "table must have exactly one of file or text");
        }
        if (contentType == null) {
            throw problem("readme", "table needs content-type (" + DescriptionContentType.mimeTypes() + ")");
        }
        if (DescriptionContentType.forValue(contentType).isEmpty()) {
            throw problem("readme", "content-type '" + contentType + "' is not one PyPI renders; use "
                    + DescriptionContentType.mimeTypes());
        }
        if (text != null) {
            return new ProjectFiles.Readme(null, text, contentType);
        }
        return ProjectFiles.readme(baseDir, path, contentType, location("readme"));
    }

    private List<Person> people(String key) throws PackagingException {
        JsonNode list = project.get(key);
        List<Person> people = new ArrayList<>();
        if (list == null) {
            return people;
        }
        if (!list.isArray()) {
            throw problem(key, "must be an array of tables like {name = \"...\", email = \"...\"}");
        }
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw problem(key, "must be an array of tables like {name = \"...\", email = \"...\"}");
            }
            String name = tableString(entry, key, "name");
            String email = tableString(entry, key, "email");
            if (name == null && email == null) {
                throw problem(key, "has an entry with neither name nor email");
            }
            people.add(new Person(name, email));
        }
        return people;
    }

    private Map<String, List<String>> optionalDependencies() throws PackagingException {
        JsonNode table = project.get("optional-dependencies");
        Map<String, List<String>> extras = new TreeMap<>();
        if (table == null) {
            return extras;
        }
        if (!table.isObject()) {
            throw problem("optional-dependencies", "must be a table of extra name = [requirements]");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = "optional-dependencies." + entry.getKey();
            String extra = Requirements.normalizeExtra(entry.getKey(), location(key));
            List<String> requirements = stringArray(entry.getValue(), key);
            for (String requirement : requirements) {
                Requirements.checkRequirement(requirement, location(key));
            }
            if (extras.put(extra, requirements) != null) {
                throw problem(key, "names the same extra as another key once normalized ('" + extra + "')");
            }
        }
        return extras;
    }

    private Map<String, Map<String, String>> entryPoints() throws PackagingException {
        Map<String, Map<String, String>> groups = new TreeMap<>();
        Map<String, String> scripts = dynamic.contains("scripts") ? pom.consoleScripts() : stringTable(project, "scripts");
        addGroup(groups, "console_scripts", scripts, "scripts");
        addGroup(groups, "gui_scripts", stringTable(project, "gui-scripts"), "gui-scripts");
        JsonNode other = project.get("entry-points");
        if (other != null) {
            if (!other.isObject()) {
                throw problem("entry-points", "must be a table of groups, each a table of name = \"module:object\"");
            }
            for (Iterator<String> it = other.fieldNames(); it.hasNext(); ) {
                String group = it.next();
                if (group.equals("console_scripts") || group.equals("gui_scripts")) {
                    throw problem("entry-points." + group, "is not allowed; use [project.scripts] or"
                            + " [project.gui-scripts] instead (PEP 621)");
                }
                addGroup(groups, group, stringTable(other, group, "entry-points." + group), "entry-points." + group);
            }
        }
        return groups;
    }

    private void addGroup(Map<String, Map<String, String>> groups, String group, Map<String, String> entries, String key)
            throws PackagingException {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Requirements.checkEntryPoint(entry.getKey(), entry.getValue(), location(key));
        }
        if (!entries.isEmpty()) {
            groups.put(group, new TreeMap<>(entries));
        }
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

    private String string(String key) throws PackagingException {
        JsonNode node = project.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem(key, "must be a string, not " + describe(node));
        }
        return node.asText();
    }

    private List<String> strings(String key) throws PackagingException {
        JsonNode node = project.get(key);
        return node == null ? List.of() : stringArray(node, key);
    }

    private List<String> stringArray(JsonNode node, String key) throws PackagingException {
        if (!node.isArray()) {
            throw problem(key, "must be an array of strings, not " + describe(node));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw problem(key, "must contain only strings, but has " + describe(element));
            }
            values.add(element.asText());
        }
        return values;
    }

    private Map<String, String> stringTable(JsonNode parent, String key) throws PackagingException {
        return stringTable(parent, key, key);
    }

    private Map<String, String> stringTable(JsonNode parent, String key, String fullKey) throws PackagingException {
        JsonNode table = parent.get(key);
        Map<String, String> values = new LinkedHashMap<>();
        if (table == null) {
            return values;
        }
        if (!table.isObject()) {
            throw problem(fullKey, "must be a table of strings, not " + describe(table));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw problem(fullKey + "." + entry.getKey(), "must be a string, not " + describe(entry.getValue()));
            }
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return values;
    }

    private String tableString(JsonNode table, String key, String field) throws PackagingException {
        JsonNode node = table.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem(key + "." + field, "must be a string, not " + describe(node));
        }
        return node.asText();
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "a table";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNumber() ? "a number" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private String location(String key) {
        return file + ": [project]." + key;
    }

    private PackagingException problem(String key, String what) {
        return new PackagingException(location(key) + " " + what);
    }
}
