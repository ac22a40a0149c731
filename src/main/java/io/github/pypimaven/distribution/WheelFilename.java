package io.github.pypimaven.distribution;

import io.github.pypimaven.ci.ForeignText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl}, split by the rules of
 * packaging's {@code parse_wheel_filename}. The parts are kept as written: PyPI compares the raw name part with the
 * normalized project name and derives the {@code .dist-info} directory from the raw name and version parts.
 *
 * <p>Every part is checked before the name is used: a parsed name holds only ASCII letters, digits and
 * {@code . _ - + !}, so it can be printed in a log line, an annotation or Markdown as it is. A name that fails is shown
 * through {@link ForeignText#line}, since a file name can carry a line break and a workflow command of its own.
 *
 * @param namePart    the name as written in the file name, e.g. {@code my_package}
 * @param versionPart the version as written, e.g. {@code 1.0.0}
 * @param buildTag    the optional build tag (starts with a digit)
 * @param pythonTag   the python tag as written, possibly a dotted set such as {@code py2.py3}
 * @param abiTag      the ABI tag as written
 * @param platformTag the platform tag as written, possibly a dotted set
 */
public record WheelFilename(String namePart, String versionPart, Optional<String> buildTag,
                            String pythonTag, String abiTag, String platformTag) {

    private static final String EXTENSION = ".whl";
    private static final String FORM = "{name}-{version}(-{build})?-{python tag}-{abi tag}-{platform tag}.whl";
    /** Project names are ASCII (PEP 508), and PyPI compares the name part with the project's. */
    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9._]+");
    private static final Pattern BUILD_TAG = Pattern.compile("[0-9][A-Za-z0-9_.]*");
    /** PEP 427 escapes every other character of a tag to '_'; '.' separates the tags of a compressed set. */
    private static final Pattern TAG_SET = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
    private static final Pattern INTERPRETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Parses a wheel file name (the base name, without directories).
     *
     * @throws DistributionException naming the file and the broken rule
     */
    public static WheelFilename parse(String filename) {
        if (!filename.endsWith(EXTENSION)) {
            throw invalid(filename, "the extension must be '.whl'");
        }
        String stem = filename.substring(0, filename.length() - EXTENSION.length());
        long dashes = stem.chars().filter(c -> c == '-').count();
        if (dashes != 4 && dashes != 5) {
            throw invalid(filename, "wrong number of parts: expected " + FORM + " (4 or 5 '-'), found " + dashes + " '-'");
        }
        String[] parts = stem.split("-", -1);
        String name = parts[0];
        if (name.contains("__") || !NAME_PART.matcher(name).matches()) {
            throw invalid(filename, "the name part '" + shown(name) + "' may contain only ASCII letters, digits,"
                    + " '_' and '.', without '__' (the project name with every run of '-', '_', '.' written as '_')");
        }
        String version = parts[1];
        if (version.isEmpty() || !version.equals(version.strip()) || Pep440Version.tryParse(version).isEmpty()) {
            throw invalid(filename, "the version part '" + shown(version) + "' is not a valid PEP 440 version");
        }
        Optional<String> build = Optional.empty();
        if (dashes == 5) {
            build = Optional.of(parts[2]);
            if (!BUILD_TAG.matcher(build.get()).matches()) {
                throw invalid(filename, "the build tag '" + shown(build.get()) + "' must start with a digit and"
                        + " contain only ASCII letters, digits, '_' and '.'");
            }
        }
        int tagStart = parts.length - 3;
        String python = parts[tagStart];
        String abi = parts[tagStart + 1];
        String platform = parts[tagStart + 2];
        for (String tag : List.of(python, abi, platform)) {
            if (!TAG_SET.matcher(tag).matches()) {
                throw invalid(filename, "the tag '" + shown(tag) + "' has an empty component or a character other"
                        + " than ASCII letters, digits and '_' ('.' separates the tags of a set; PEP 427)");
            }
        }
        for (String interpreter : python.split("\\.")) {
            if (!INTERPRETER.matcher(interpreter).matches()) {
                throw invalid(filename, "the python tag '" + shown(interpreter) + "' is not an identifier (e.g. py3,"
                        + " cp312)");
            }
        }
        return new WheelFilename(name, version, build, python, abi, platform);
    }

    public static Optional<WheelFilename> tryParse(String filename) {
        try {
            return Optional.of(parse(filename));
        } catch (DistributionException e) {
            return Optional.empty();
        }
    }

    /** A part of a name that failed a check: foreign text, flattened so that it cannot start a line. */
    private static String shown(String part) {
        return ForeignText.line(part);
    }

    private static DistributionException invalid(String filename, String why) {
        return new DistributionException("Invalid wheel filename '" + shown(filename) + "': " + why
                + ". Wheel file names have the form " + FORM + "; rebuild the wheel rather than renaming it by hand");
    }

    /** The version part, parsed. */
    public Pep440Version version() {
        return Pep440Version.parse(versionPart);
    }

    /** The PEP 503 normalized project name the file name stands for. */
    public String normalizedName() {
        return ProjectName.normalize(namePart);
    }

    /** {@code <name part>-<version part>.dist-info}: where PyPI looks for METADATA, WHEEL and RECORD. */
    public String distInfoDirectory() {
        return namePart + "-" + versionPart + ".dist-info";
    }

    public List<String> pythonTags() {
        return List.of(pythonTag.split("\\."));
    }

    public List<String> abiTags() {
        return List.of(abiTag.split("\\."));
    }

    public List<String> platformTags() {
        return List.of(platformTag.split("\\."));
    }

    /** The file name this record was parsed from. */
    public String filename() {
        return namePart + "-" + versionPart + buildTag.map(b -> "-" + b).orElse("")
                + "-" + pythonTag + "-" + abiTag + "-" + platformTag + EXTENSION;
    }

    @Override
    public String toString() {
        return filename();
    }
}
