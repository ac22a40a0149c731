package io.github.pypimaven.distribution;

/** The rules {@link DistributionValidator} applies; each problem names the rule it broke. */
public enum ValidationRule {
    METADATA_VERSION("metadata-version"),
    NAME("name"),
    VERSION("version"),
    LOCAL_VERSION("local-version"),
    FIELD_TOO_NEW("field-too-new"),
    REPEATED_FIELD("repeated-field"),
    KEYWORDS("keywords"),
    SUMMARY("summary"),
    LICENSE_WITH_EXPRESSION("license-with-expression"),
    PROJECT_URL("project-url"),
    DIRECT_URL_REQUIREMENT("direct-url-requirement"),
    DESCRIPTION_CONTENT_TYPE("description-content-type"),
    DYNAMIC("dynamic"),
    FILENAME_NAME("filename-name"),
    FILENAME_VERSION("filename-version"),
    SDIST_FILENAME("sdist-filename"),
    PLATFORM_TAG("platform-tag"),
    ZIP_DATA_DESCRIPTOR("zip-data-descriptor"),
    ZIP_COMPRESSION("zip-compression"),
    WHEEL_CONTENTS("wheel-contents"),
    SPARSE_TAR_MEMBER("sparse-tar-member"),
    ARCHIVE_MEMBER("archive-member"),
    LICENSE_FILE_MISSING("license-file-missing"),
    RELEASE_NAME("release-name"),
    RELEASE_VERSION("release-version"),
    SECOND_SDIST("second-sdist"),
    DUPLICATE_FILENAME("duplicate-filename");

    private final String id;

    ValidationRule(String id) {
        this.id = id;
    }

    /** A short stable identifier, shown with each problem so users can search for it. */
    public String id() {
        return id;
    }
}
