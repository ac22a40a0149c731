package io.github.pypimaven.distribution;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The core metadata fields, in the order the upload form sends them, with PyPI's current form field names and the
 * metadata version that introduced each field (the {@code added=} values of packaging's {@code Metadata} class).
 *
 * <p>The form names are not a mechanical transformation of the header names: PyPI uses plural names for some fields
 * ({@code classifiers}, {@code project_urls}) and singular ones for others ({@code platform}, {@code license_file},
 * {@code import_name}); a misspelt form field is silently dropped by the server.
 */
public enum MetadataField {
    METADATA_VERSION("Metadata-Version", "metadata_version", false, "1.0"),
    NAME("Name", "name", false, "1.0"),
    VERSION("Version", "version", false, "1.0"),
    SUMMARY("Summary", "summary", false, "1.0"),
    DESCRIPTION("Description", "description", false, "1.0"),
    DESCRIPTION_CONTENT_TYPE("Description-Content-Type", "description_content_type", false, "2.1"),
    KEYWORDS("Keywords", "keywords", false, "1.0"),
    HOME_PAGE("Home-page", "home_page", false, "1.0"),
    DOWNLOAD_URL("Download-URL", "download_url", false, "1.1"),
    AUTHOR("Author", "author", false, "1.0"),
    AUTHOR_EMAIL("Author-email", "author_email", false, "1.0"),
    MAINTAINER("Maintainer", "maintainer", false, "1.2"),
    MAINTAINER_EMAIL("Maintainer-email", "maintainer_email", false, "1.2"),
    LICENSE("License", "license", false, "1.0"),
    LICENSE_EXPRESSION("License-Expression", "license_expression", false, "2.4"),
    LICENSE_FILE("License-File", "license_file", true, "2.4"),
    CLASSIFIER("Classifier", "classifiers", true, "1.1"),
    PLATFORM("Platform", "platform", true, "1.0"),
    SUPPORTED_PLATFORM("Supported-Platform", "supported_platform", true, "1.1"),
    REQUIRES_DIST("Requires-Dist", "requires_dist", true, "1.2"),
    PROVIDES_DIST("Provides-Dist", "provides_dist", true, "1.2"),
    OBSOLETES_DIST("Obsoletes-Dist", "obsoletes_dist", true, "1.2"),
    REQUIRES_PYTHON("Requires-Python", "requires_python", false, "1.2"),
    REQUIRES_EXTERNAL("Requires-External", "requires_external", true, "1.2"),
    PROJECT_URL("Project-URL", "project_urls", true, "1.2"),
    PROVIDES_EXTRA("Provides-Extra", "provides_extra", true, "2.1"),
    DYNAMIC("Dynamic", "dynamic", true, "2.2"),
    IMPORT_NAME("Import-Name", "import_name", true, "2.5"),
    IMPORT_NAMESPACE("Import-Namespace", "import_namespace", true, "2.5"),
    REQUIRES("Requires", "requires", true, "1.1"),
    PROVIDES("Provides", "provides", true, "1.1"),
    OBSOLETES("Obsoletes", "obsoletes", true, "1.1");

    private final String header;
    private final String formName;
    private final boolean multipleUse;
    private final String introducedIn;
    private final Pep440Version introduced; // parsed once: every field of every file is compared with it

    MetadataField(String header, String formName, boolean multipleUse, String introducedIn) {
        this.header = header;
        this.formName = formName;
        this.multipleUse = multipleUse;
        this.introducedIn = introducedIn;
        this.introduced = Pep440Version.parse(introducedIn);
    }

    /** The header name as the core metadata specification spells it. */
    public String header() {
        return header;
    }

    /** The name of the upload form field PyPI reads this field from. */
    public String formName() {
        return formName;
    }

    public boolean multipleUse() {
        return multipleUse;
    }

    /** The metadata version that introduced the field, e.g. "2.4" for License-Expression. */
    public String introducedIn() {
        return introducedIn;
    }

    /** Name, Version and Metadata-Version identify the release; the form builder sends them itself, first. */
    public boolean identifiesRelease() {
        return this == METADATA_VERSION || this == NAME || this == VERSION;
    }

    /** True when a file declaring {@code metadataVersion} may not use this field yet. */
    public boolean isNewerThan(String metadataVersion) {
        Optional<Pep440Version> declared = Pep440Version.tryParse(metadataVersion);
        return declared.isPresent() && introduced.compareTo(declared.get()) > 0;
    }

    /** Looks a header name up case-insensitively, as RFC 822 header names are. */
    public static Optional<MetadataField> forHeader(String headerName) {
        return Optional.ofNullable(ByHeader.FIELDS.get(headerName.strip().toLowerCase(Locale.ROOT)));
    }

    /** The fields by lower-case header name (a holder: an enum's own static fields are not ready in its constructor). */
    private static final class ByHeader {
        static final Map<String, MetadataField> FIELDS = index();

        private static Map<String, MetadataField> index() {
            Map<String, MetadataField> fields = new HashMap<>();
            for (MetadataField field : values()) {
                fields.put(field.header.toLowerCase(Locale.ROOT), field);
            }
            return Map.copyOf(fields);
        }
    }
}
