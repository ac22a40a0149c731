package io.github.pypimaven.distribution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks distributions against the rules PyPI applies on upload, before anything is uploaded: a release is published
 * whole or not at all, so every file is checked first and every problem reported at once.
 */
@Named
@Singleton
public class DistributionValidator {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionValidator.class);

    static final Set<String> ACCEPTED_METADATA_VERSIONS = Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final int MAX_SUMMARY = 512;
    private static final int MAX_URL_LABEL = 32;
    private static final long PYPI_DEFAULT_FILE_LIMIT = 100L * 1024 * 1024;
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    private static final Set<String> MARKDOWN_VARIANTS = Set.of("GFM", "CommonMark");
    private static final Set<String> ALLOWED_LINUX_TAGS = Set.of("linux_armv6l", "linux_armv7l");
    /** A PEP 508 URL requirement: {@code name [extras] @ url}. */
    private static final Pattern DIRECT_REFERENCE =
            Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@.*", Pattern.DOTALL);
    private static final String REBUILD = "rebuild with a current build backend";

    /** All problems of one file: its metadata, its file name, its archive. */
    public List<Problem> check(Distribution d) {
        List<Problem> problems = new ArrayList<>(checkMetadata(d.filename(), d.metadata()));
        checkFilename(d, problems);
        checkArchive(d, problems);
        for (String note : notes(d)) {
            LOG.info(note);
        }
        if (d.size() > PYPI_DEFAULT_FILE_LIMIT) {
            LOG.warn("{} is {} MiB; PyPI's default limit is 100 MiB per file: the upload fails unless the project has"
                    + " a larger limit (https://docs.pypi.org/project-management/storage-limits)", d.filename(),
                    d.size() / (1024 * 1024));
        }
        return problems;
    }

    /**
     * All problems of a release: those of each file, then those between files (one name, one version, at most one
     * sdist, no file name twice).
     */
    public List<Problem> checkRelease(List<Distribution> all) {
        List<Problem> problems = new ArrayList<>();
        for (Distribution d : all) {
            problems.addAll(check(d));
        }
        problems.addAll(checkConsistency(all));
        return problems;
    }

    /** Checks a release and fails with every problem listed, one per line. */
    public void requireValid(List<Distribution> all) {
        List<Problem> problems = checkRelease(all);
        if (!problems.isEmpty()) {
            throw new DistributionException(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " found; nothing was uploaded:\n  " + problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("\n  ")));
        }
    }

    /** What is worth telling the user about a file without failing it. */
    public List<String> notes(Distribution d) {
        List<String> notes = new ArrayList<>(d.metadata().notes());
        CoreMetadata m = d.metadata();
        if (m.hasPrematureLicenseFiles()) {
            notes.add(d.filename() + ": License-File was introduced in Metadata-Version 2.4 but the file declares "
                    + m.metadataVersion() + "; the License-File values are left out of the upload (as twine does)."
                    + " A current build backend writes Metadata-Version 2.4");
        }
        if (m.description().isPresent() && m.get(MetadataField.DESCRIPTION_CONTENT_TYPE).isEmpty()) {
            notes.add(d.filename() + ": the description has no Description-Content-Type; PyPI renders it as"
                    + " reStructuredText and refuses it if it does not render. Declare the readme's content type");
        }
        return notes;
    }

    // --- metadata ---

    /** The metadata rules alone, for metadata that is not (yet) in a distribution. */
    public List<Problem> checkMetadata(String filename, CoreMetadata m) {
        List<Problem> problems = new ArrayList<>();
        String declared = m.metadataVersion();
        if (!ACCEPTED_METADATA_VERSIONS.contains(declared)) {
            problems.add(new Problem(filename, ValidationRule.METADATA_VERSION, filename + " declares Metadata-Version '"
                    + declared + "', which PyPI does not accept (it accepts 1.0, 1.1, 1.2 and 2.1 to 2.5"
                    + (declared.equals("2.0") ? "; 2.0 was never a published version" : "") + "): " + REBUILD
                    + " that writes Metadata-Version 2.4 or 2.5"));
        }
        if (!ProjectName.isValid(m.name())) {
            problems.add(new Problem(filename, ValidationRule.NAME, filename + ": Name '" + m.name() + "' is not a valid"
                    + " project name: it must start and end with an ASCII letter or digit and contain only letters,"
                    + " digits, '.', '_' and '-'"));
        }
        Optional<Pep440Version> version = Pep440Version.tryParse(m.version());
        if (version.isEmpty()) {
            problems.add(new Problem(filename, ValidationRule.VERSION, filename + ": Version '" + m.version() + "' is not"
                    + " a valid PEP 440 version (e.g. 1.2.0, 1.2.0rc1, 1.2.0.post1, 1.2.0.dev3)"));
        } else if (version.get().isLocal()) {
            problems.add(new Problem(filename, ValidationRule.LOCAL_VERSION, filename + ": Version '" + m.version()
                    + "' is a local version ('+' and what follows); PyPI refuses local versions, which are meant for"
                    + " builds that never leave the machine. Publish a version without the '+...' part"));
        }
        checkFieldVersions(filename, m, problems);
        checkRepeatedFields(filename, m, problems);
        checkSummary(filename, m, problems);
        if (m.get(MetadataField.LICENSE).isPresent() && m.get(MetadataField.LICENSE_EXPRESSION).isPresent()) {
            problems.add(new Problem(filename, ValidationRule.LICENSE_WITH_EXPRESSION, filename + " has both License and"
                    + " License-Expression; PyPI refuses that (License is deprecated when License-Expression is present)."
                    + " Keep only License-Expression: remove the license text/table from the project metadata"));
        }
        checkProjectUrls(filename, m, problems);
        checkDirectReferences(filename, m, problems);
        m.get(MetadataField.DESCRIPTION_CONTENT_TYPE).flatMap(DistributionValidator::contentTypeError).ifPresent(why ->
                problems.add(new Problem(filename, ValidationRule.DESCRIPTION_CONTENT_TYPE, filename
                        + ": Description-Content-Type '" + m.get(MetadataField.DESCRIPTION_CONTENT_TYPE).get() + "' "
                        + why)));
        checkDynamic(filename, m, problems);
        return problems;
    }

    private static void checkFieldVersions(String filename, CoreMetadata m, List<Problem> problems) {
        String declared = m.metadataVersion();
        for (MetadataField field : MetadataField.values()) {
            if (field == MetadataField.LICENSE_FILE || m.getAll(field).isEmpty() || !field.isNewerThan(declared)) {
                continue; // License-File under < 2.4 is dropped from the form instead, see notes()
            }
            problems.add(new Problem(filename, ValidationRule.FIELD_TOO_NEW, filename + ": " + field.header()
                    + " was introduced in Metadata-Version " + field.introducedIn() + " but " + filename + " declares "
                    + declared + "; PyPI refuses it. " + capitalize(REBUILD) + " (it declares the version its fields"
                    + " need), or remove " + field.header()));
        }
    }

    private static void checkRepeatedFields(String filename, CoreMetadata m, List<Problem> problems) {
        for (MetadataField field : MetadataField.values()) {
            int count = m.occurrences(field);
            if (field.multipleUse() || count <= 1) {
                continue;
            }
            if (field == MetadataField.KEYWORDS) {
                problems.add(new Problem(filename, ValidationRule.KEYWORDS, filename + ": Keywords appears " + count
                        + " times, but it is one comma-separated field (PyPI refuses repeated keywords). Write all"
                        + " keywords into a single Keywords header, e.g. 'Keywords: maven,pypi,upload'"));
            } else {
                problems.add(new Problem(filename, ValidationRule.REPEATED_FIELD, filename + ": " + field.header()
                        + " appears " + count + " times, but it may appear only once. Fix the build configuration"
                        + " that writes it"));
            }
        }
    }

    private static void checkSummary(String filename, CoreMetadata m, List<Problem> problems) {
        Optional<String> summary = m.get(MetadataField.SUMMARY);
        if (summary.isEmpty()) {
            return;
        }
        if (summary.get().contains("\n") || summary.get().contains("\r")) {
            problems.add(new Problem(filename, ValidationRule.SUMMARY, filename + ": Summary spans several lines; PyPI"
                    + " accepts a single line only. Shorten the project description to one line"));
        }
        if (summary.get().length() > MAX_SUMMARY) {
            problems.add(new Problem(filename, ValidationRule.SUMMARY, filename + ": Summary is "
                    + summary.get().length() + " characters long; PyPI accepts at most " + MAX_SUMMARY
                    + ". Shorten the project description"));
        }
    }

    private static void checkProjectUrls(String filename, CoreMetadata m, List<Problem> problems) {
        Set<String> labels = new HashSet<>();
        for (String value : m.getAll(MetadataField.PROJECT_URL)) {
            int comma = value.indexOf(',');
            String label = comma < 0 ? "" : value.substring(0, comma).strip();
            String url = comma < 0 ? value : value.substring(comma + 1).strip();
            String why = null;
            if (comma < 0 || label.isEmpty()) {
                why = "must have the form 'Label, URL'";
            } else if (label.length() > MAX_URL_LABEL) {
                why = "has a label of " + label.length() + " characters; PyPI accepts at most " + MAX_URL_LABEL;
            } else if (!labels.add(label)) {
                why = "repeats the label '" + label + "'; each label may appear once";
            } else if (!isHttpUrl(url)) {
                why = "has '" + url + "', which is not a valid http or https URL";
            }
            if (why != null) {
                problems.add(new Problem(filename, ValidationRule.PROJECT_URL, filename + ": Project-URL '" + value
                        + "' " + why + ". Fix the project's urls table"));
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkDirectReferences(String filename, CoreMetadata m, List<Problem> problems) {
        for (MetadataField field : List.of(MetadataField.REQUIRES_DIST, MetadataField.PROVIDES_DIST,
                MetadataField.OBSOLETES_DIST)) {
            for (String requirement : m.getAll(field)) {
                if (DIRECT_REFERENCE.matcher(requirement).matches()) {
                    problems.add(new Problem(filename, ValidationRule.DIRECT_URL_REQUIREMENT, filename + ": "
                            + field.header() + " '" + requirement + "' is a direct URL reference; PyPI refuses"
                            + " dependencies on URLs (\"Can't have direct dependency\"). Depend on a released version"
                            + " from the index instead"));
                }
            }
        }
    }

    /** Empty when the content type is one PyPI renders; otherwise why not. */
    static Optional<String> contentTypeError(String value) {
        String[] parts = value.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(type)) {
            return Optional.of("is not one PyPI accepts: use text/plain, text/x-rst or text/markdown");
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String v = kv.length == 2 ? kv[1].strip().replaceAll("^\"|\"$", "") : "";
            parameters.put(kv[0].strip().toLowerCase(Locale.ROOT), v);
        }
        String charset = parameters.getOrDefault("charset", "UTF-8");
        if (!charset.equalsIgnoreCase("UTF-8")) {
            return Optional.of("declares charset '" + charset + "'; PyPI accepts only UTF-8: drop the charset"
                    + " parameter or set it to UTF-8");
        }
        String variant = parameters.getOrDefault("variant", "GFM");
        if (type.equals("text/markdown") && !MARKDOWN_VARIANTS.contains(variant)) {
            return Optional.of("declares the Markdown variant '" + variant + "'; PyPI accepts GFM or CommonMark");
        }
        return Optional.empty();
    }

    private static void checkDynamic(String filename, CoreMetadata m, List<Problem> problems) {
        for (String value : m.getAll(MetadataField.DYNAMIC)) {
            Optional<MetadataField> field = MetadataField.forHeader(value);
            if (field.isEmpty() || field.get().identifiesRelease()) {
                problems.add(new Problem(filename, ValidationRule.DYNAMIC, filename + ": Dynamic '" + value + "' is not"
                        + " a field that may be dynamic" + (field.isPresent() ? " (Name, Version and"
                        + " Metadata-Version never are)" : " (it is not a core metadata field)") + ". Fix the build"
                        + " configuration"));
            }
        }
    }

    // --- file name against metadata ---

    private static void checkFilename(Distribution d, List<Problem> problems) {
        if (d.kind() == DistributionKind.WHEEL) {
            checkWheelFilename(d, problems);
        } else {
            checkSdistFilename(d, problems);
        }
    }

    private static void checkWheelFilename(Distribution d, List<Problem> problems) {
        WheelFilename wheel = WheelFilename.parse(d.filename());
        String expected = d.name().filenameForm();
        if (!wheel.normalizedName().equals(d.name().normalized())) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_NAME, d.filename() + " is named for project '"
                    + wheel.namePart() + "' but its metadata says Name '" + d.name() + "'; PyPI wants the file name"
                    + " to start with '" + expected + "'. Rebuild the wheel; do not rename it"));
        } else if (!wheel.namePart().equals(expected)) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_NAME, "Filename '" + d.filename()
                    + "' should contain the normalized project name '" + expected + "', not '" + wheel.namePart()
                    + "'. Rebuild with a current build backend, which writes normalized file names (renaming the"
                    + " file alone breaks its .dist-info directory)"));
        }
        if (!wheel.version().equals(d.version())) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_VERSION, d.filename() + ": the version in the"
                    + " file name is '" + wheel.versionPart() + "' but the metadata says '" + d.metadata().version()
                    + "'. Rebuild the wheel"));
        }
        for (String platform : wheel.platformTags()) {
            if (platform.startsWith("linux_") && !ALLOWED_LINUX_TAGS.contains(platform)) {
                problems.add(new Problem(d.filename(), ValidationRule.PLATFORM_TAG, "Binary wheel '" + d.filename()
                        + "' has an unsupported platform tag '" + platform + "': PyPI refuses plain linux wheels. Repair"
                        + " it into a manylinux/musllinux wheel with auditwheel (auditwheel repair) and upload that"));
            }
        }
    }

    private static void checkSdistFilename(Distribution d, List<Problem> problems) {
        String expected = SdistFilename.expected(d.name(), d.version());
        if (d.filename().equals(expected)) {
            return;
        }
        SdistFilename sdist = SdistFilename.tryParse(d.filename()).map(s -> SdistFilename.parse(d.filename(), d.name(),
                d.version())).orElse(null);
        if (sdist != null && !ProjectName.normalize(sdist.namePart()).equals(d.name().normalized())) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_NAME, d.filename() + " is named for project '"
                    + sdist.namePart() + "' but its metadata says Name '" + d.name() + "'; PyPI wants the file name"
                    + " to start with '" + d.name().filenameForm() + "'. Rebuild the sdist"));
        } else if (sdist != null && !sdist.version().equals(d.version())) {
            problems.add(new Problem(d.filename(), ValidationRule.FILENAME_VERSION, d.filename() + ": the version in the"
                    + " file name is '" + sdist.versionPart() + "' but the metadata says '" + d.metadata().version()
                    + "'. Rebuild the sdist"));
        }
        problems.add(new Problem(d.filename(), ValidationRule.SDIST_FILENAME, "Filename '" + d.filename()
                + "' is invalid, should be '" + expected + "' (PEP 625: normalized name with '_', normalized version)."
                + " Rebuild the sdist with a current build backend"));
    }

    // --- archive ---

    private static void checkArchive(Distribution d, List<Problem> problems) {
        ArchiveContents contents = d.contents();
        if (!contents.dataDescriptorEntries().isEmpty()) {
            problems.add(new Problem(d.filename(), ValidationRule.ZIP_DATA_DESCRIPTOR, "Invalid distribution file "
                    + d.filename() + ". ZIP archive not accepted: ZIP contains a data descriptor (" + some(
                    contents.dataDescriptorEntries()) + "). The tool that wrote the ZIP streamed it (e.g. Java's"
                    + " ZipOutputStream); build the wheel with a standard build backend or a seekable ZIP writer"));
        }
        if (!contents.unsupportedCompression().isEmpty()) {
            String entries = contents.unsupportedCompression().entrySet().stream().limit(3)
                    .map(e -> e.getKey() + " (method " + e.getValue() + ")").collect(Collectors.joining(", "));
            problems.add(new Problem(d.filename(), ValidationRule.ZIP_COMPRESSION, "Invalid distribution file "
                    + d.filename() + ". File does not use a supported compression type: " + entries + ". PyPI accepts"
                    + " only STORED and DEFLATED members; rebuild the wheel without other compression"));
        }
        if (d.kind() == DistributionKind.WHEEL) {
            for (String required : List.of("WHEEL", "RECORD")) {
                String path = contents.root() + "/" + required;
                if (!contents.contains(path)) {
                    problems.add(new Problem(d.filename(), ValidationRule.WHEEL_CONTENTS, "Wheel '" + d.filename()
                            + "' does not contain the required " + required + " file: " + path + ". Rebuild the"
                            + " wheel with a PEP 517 build backend"));
                }
            }
        }
        if (!contents.sparseEntries().isEmpty()) {
            problems.add(new Problem(d.filename(), ValidationRule.SPARSE_TAR_MEMBER, "Invalid distribution file "
                    + d.filename() + ". tar archive not accepted: Sparse members are not allowed (" + some(
                    contents.sparseEntries()) + "). Build the sdist with a PEP 517 build backend, which writes pax"
                    + " archives without sparse members"));
        }
        if (!d.metadata().hasPrematureLicenseFiles()) {
            for (String licenseFile : d.metadata().getAll(MetadataField.LICENSE_FILE)) {
                if (!d.containsLicenseFile(licenseFile)) {
                    problems.add(new Problem(d.filename(), ValidationRule.LICENSE_FILE_MISSING, "License-File "
                            + licenseFile + " does not exist in distribution file " + d.filename() + " at "
                            + d.licenseFilePath(licenseFile) + ". Fix the license-files setting, or the build that"
                            + " should have included the file"));
                }
            }
        }
    }

    private static String some(List<String> names) {
        return String.join(", ", names.stream().limit(3).toList()) + (names.size() > 3 ? ", ..." : "");
    }

    // --- release ---

    /** The rules between the files of one release. */
    public List<Problem> checkConsistency(List<Distribution> all) {
        List<Problem> problems = new ArrayList<>();
        if (all.isEmpty()) {
            return problems;
        }
        Distribution first = all.get(0);
        Set<String> filenames = new HashSet<>();
        Distribution sdist = null;
        for (Distribution d : all) {
            if (!d.name().equals(first.name())) {
                problems.add(new Problem(d.filename(), ValidationRule.RELEASE_NAME, d.filename() + " is for project '"
                        + d.name() + "' but " + first.filename() + " is for '" + first.name() + "'; one upload"
                        + " publishes one project's release. Upload them separately"));
            } else if (!d.version().equals(first.version())) {
                problems.add(new Problem(d.filename(), ValidationRule.RELEASE_VERSION, d.filename() + " is version "
                        + d.version() + " but " + first.filename() + " is version " + first.version() + "; all files of"
                        + " a release share one version. Remove stale files from the build output (mvn clean)"));
            }
            if (!filenames.add(d.filename())) {
                problems.add(new Problem(d.filename(), ValidationRule.DUPLICATE_FILENAME, d.filename() + " is listed"
                        + " twice (" + d.path() + "); each file can be uploaded once. Remove the duplicate from the"
                        + " configuration"));
            }
            if (d.kind() == DistributionKind.SDIST) {
                if (sdist != null && !sdist.filename().equals(d.filename())) {
                    problems.add(new Problem(d.filename(), ValidationRule.SECOND_SDIST, d.filename() + " is a second"
                            + " source distribution besides " + sdist.filename() + "; PyPI allows only one sdist per"
                            + " release. Upload only one"));
                } else if (sdist == null) {
                    sdist = d;
                }
            }
        }
        return problems;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
