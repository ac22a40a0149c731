package io.github.pypimaven.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The license fields of a pyproject.toml: a PEP 639 SPDX expression with {@code license-files} globs, or the older
 * table form ({@code license = {text = "..."}} or {@code {file = "..."}}), which PEP 639 forbids next to
 * {@code license-files}.
 *
 * @param expression    the normalized SPDX expression, or null
 * @param legacyLicense the text of a {@code license = {text}} table, or null
 * @param licenseFiles  the license files, relative to the base directory
 */
record PyprojectLicense(String expression, String legacyLicense, List<String> licenseFiles) {

    static PyprojectLicense read(PyprojectTable project, Set<String> dynamic, PomMetadataMapper pom, Path baseDir)
            throws PackagingException {
        String expression = null;
        String legacyLicense = null;
        String legacyFile = null;
        JsonNode license = project.get("license");
        if (dynamic.contains("license")) {
            expression = pom.license();
        } else if (license != null && license.isTextual()) {
            expression = SpdxExpression.normalize(license.asText()).orElseThrow(() -> project.problem("license",
                    "'" + license.asText() + "' is not an SPDX license expression (PEP 639); use identifiers from"
                    + " https://spdx.org/licenses/ such as MIT or Apache-2.0"));
        } else if (license != null && !license.isObject()) {
            throw project.problem("license", "must be an SPDX expression string (PEP 639) or a table with file or"
                    + " text");
        }
        if (license != null && license.isObject()) {
            if (project.has("license-files")) {
                throw project.problem("license", "is a table, which PEP 639 forbids together with license-files;"
                        + " write license = \"<SPDX expression>\"");
            }
            legacyLicense = project.tableString(license, "license", "text");
            legacyFile = project.tableString(license, "license", "file");
            if ((legacyLicense == null) == (legacyFile == null)) {
                throw project.problem("license", "table must have exactly one of file or text");
            }
        }
        return new PyprojectLicense(expression, legacyLicense, files(project, dynamic, pom, baseDir, legacyFile));
    }

    private static List<String> files(PyprojectTable project, Set<String> dynamic, PomMetadataMapper pom, Path baseDir,
            String legacyFile) throws PackagingException {
        if (dynamic.contains("license-files")) {
            return pom.licenseFiles();
        }
        if (project.has("license-files")) {
            return ProjectFiles.licenseFiles(baseDir, project.strings("license-files"), true,
                    project.location("license-files"));
        }
        if (legacyFile != null) {
            return ProjectFiles.licenseFiles(baseDir, List.of(legacyFile), true, project.location("license.file"));
        }
        return ProjectFiles.licenseFiles(baseDir, PackageOptions.DEFAULT_LICENSE_FILES, false,
                project.file().toString());
    }
}
