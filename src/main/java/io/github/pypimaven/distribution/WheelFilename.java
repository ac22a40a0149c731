package io.github.pypimaven.distribution;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl}, split by the rules of
 * packaging's {@code parse_wheel_filename}. The parts are kept as written: PyPI compares the raw name part with the
 * normalized project name and derives the {@code .dist-info} directory from the raw name and version parts.
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
    private static final Pattern NAME_PART = Pattern.compile("^[\\w._]+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern IDENTIFIER = Pattern.compile("^[\\p{L}_][\\p{L}\\p{N}_]*$");

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
            throw invalid(filename, "the name part '" + name + "' may contain only letters, digits, '_' and '.',"
                    + " without '__' (the project name with every run of '-', '_', '.' written as '_')");
        }
        String version = parts[1];
        if (version.isEmpty() || !version.equals(version.strip()) || Pep440Version.tryParse(version).isEmpty()) {
            throw invalid(filename, "the version part '" + version + "' is not a valid PEP 440 version");
        }
        Optional<String> build = Optional.empty();
        if (dashes == 5) {
            build = Optional.of(parts[2]);
            if (build.get().isEmpty() || !Character.isDigit(build.get().charAt(0))) {
                throw invalid(filename, "the build tag '" + build.get() + "' must start with a digit");
            }
        }
        int tagStart = parts.length - 3;
        String python = parts[tagStart];
        String abi = parts[tagStart + 1];
        String platform = parts[tagStart + 2];
        for (String tag : List.of(python, abi, platform)) {
            if (Arrays.stream(tag.split("\\.", -1)).anyMatch(String::isEmpty)) {
                throw invalid(filename, "the tag '" + tag + "' has an empty component");
            }
        }
        for (String interpreter : python.split("\\.")) {
            if (!IDENTIFIER.matcher(interpreter).matches()) {
                throw invalid(filename, "the python tag '" + interpreter + "' is not an identifier (e.g. py3, cp312)");
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

    private static DistributionException invalid(String filename, String why) {
        return new DistributionException("Invalid wheel filename '" + filename + "': " + why
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
