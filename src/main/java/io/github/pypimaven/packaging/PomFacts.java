package io.github.pypimaven.packaging;

import java.util.List;

/**
 * What the POM says about the project, copied out of Maven's model so this package needs no Maven API.
 *
 * @param licenseNames the names of {@code <licenses>}, in order
 * @param developers {@code <developers>}, in order
 */
public record PomFacts(
        String groupId,
        String artifactId,
        String version,
        String description,
        String url,
        List<String> licenseNames,
        String scmUrl,
        String issuesUrl,
        List<Developer> developers) {

    public PomFacts {
        licenseNames = licenseNames == null ? List.of() : List.copyOf(licenseNames);
        developers = developers == null ? List.of() : List.copyOf(developers);
    }

    /** For messages: {@code groupId:artifactId}. */
    public String id() {
        return groupId + ":" + artifactId;
    }

    /** A POM developer; the roles decide whether they are an author or a maintainer. */
    public record Developer(String name, String email, List<String> roles) {
        public Developer {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
