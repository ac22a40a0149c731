package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.util.List;
import java.util.Map;

/**
 * The metadata the builder writes (METADATA in a wheel, PKG-INFO in an sdist) for one release, plus where its readme
 * and license files come from, so the sdist can carry them. (Reading metadata back is {@code dist.CoreMetadata}.)
 *
 * @param licenseExpression an SPDX expression, or null
 * @param legacyLicense the deprecated free-text {@code License} field (from a pyproject {@code license = {text}}
 *     table), or null
 * @param licenseFiles paths relative to the project base directory, '/'-separated, sorted
 * @param readmeFile the readme path relative to the base directory, or null when the description came from text
 * @param optionalDependencies normalized extra name → requirements
 * @param entryPoints group → (name → object reference); console and GUI scripts are groups too
 */
public record ProjectMetadata(
        ProjectName name,
        Pep440Version version,
        String summary,
        String description,
        String descriptionContentType,
        String readmeFile,
        String requiresPython,
        String licenseExpression,
        String legacyLicense,
        List<String> licenseFiles,
        List<Person> authors,
        List<Person> maintainers,
        List<String> keywords,
        List<String> classifiers,
        Map<String, String> projectUrls,
        List<String> dependencies,
        Map<String, List<String>> optionalDependencies,
        Map<String, Map<String, String>> entryPoints) {

    public ProjectMetadata {
        licenseFiles = List.copyOf(licenseFiles);
        authors = List.copyOf(authors);
        maintainers = List.copyOf(maintainers);
        keywords = List.copyOf(keywords);
        classifiers = List.copyOf(classifiers);
        projectUrls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(projectUrls));
        dependencies = List.copyOf(dependencies);
        optionalDependencies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(optionalDependencies));
        entryPoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entryPoints));
    }
}
