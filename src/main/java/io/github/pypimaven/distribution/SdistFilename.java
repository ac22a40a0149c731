package io.github.pypimaven.distribution;

import io.github.pypimaven.ci.ForeignText;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A source distribution file name, {@code {name}-{version}.tar.gz}, split at the last '-' as packaging's
 * {@code parse_sdist_filename} does. PEP 625 allows exactly one spelling, see {@link #expected}.
 *
 * @param namePart    the name as written in the file name
 * @param versionPart the version as written in the file name
 */
public record SdistFilename(String namePart, String versionPart) {

    public static final String EXTENSION = ".tar.gz";
    /** What a project name (PEP 508) and a PEP 440 version can be spelled with, in any of their accepted forms. */
    private static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9._+!-]+");

    /**
     * Checks that a file name holds only characters a source distribution's name can have, so that it can be printed
     * as it is: the rules that say how it should be spelled come later, and name it in their messages.
     *
     * @throws DistributionException if it has any other character (a line break, a backtick, a space...)
     */
    public static void checkCharacters(String filename) {
        if (!CHARACTERS.matcher(filename).matches()) {
            throw invalid(filename, "it may contain only ASCII letters, digits and '.', '_', '-', '+', '!'");
        }
    }

    /**
     * Splits a file name at its last '-'.
     *
     * @throws DistributionException if the name does not end in .tar.gz, has no '-', has a character no name or
     *                               version has, or the version is not PEP 440
     */
    public static SdistFilename parse(String filename) {
        checkCharacters(filename);
        if (!filename.endsWith(EXTENSION)) {
            throw invalid(filename, "the extension must be '.tar.gz'");
        }
        String stem = filename.substring(0, filename.length() - EXTENSION.length());
        int dash = stem.lastIndexOf('-');
        if (dash <= 0) {
            throw invalid(filename, "there is no '-' between the name and the version");
        }
        String version = stem.substring(dash + 1);
        if (Pep440Version.tryParse(version).isEmpty() || !version.equals(version.strip())) {
            throw invalid(filename, "'" + version + "' is not a valid PEP 440 version");
        }
        return new SdistFilename(stem.substring(0, dash), version);
    }

    /**
     * Splits a file name knowing the release it should hold. Versions such as {@code 1.0-1} (a post-release) contain a
     * '-', so when splitting at the last '-' gives a name that does not match, PyPI tries the second-to-last '-'; so do
     * we, accepting that split only when its version equals the expected one.
     */
    public static SdistFilename parse(String filename, ProjectName expectedName, Pep440Version expectedVersion) {
        SdistFilename simple = parse(filename);
        if (ProjectName.normalize(simple.namePart).equals(expectedName.normalized())) {
            return simple;
        }
        int dash = simple.namePart.lastIndexOf('-');
        if (dash > 0) {
            String version = simple.namePart.substring(dash + 1) + "-" + simple.versionPart;
            Optional<Pep440Version> parsed = Pep440Version.tryParse(version);
            if (parsed.isPresent() && parsed.get().equals(expectedVersion)) {
                return new SdistFilename(simple.namePart.substring(0, dash), version);
            }
        }
        return simple;
    }

    public static Optional<SdistFilename> tryParse(String filename) {
        try {
            return Optional.of(parse(filename));
        } catch (DistributionException e) {
            return Optional.empty();
        }
    }

    /** The only file name PyPI accepts for this release (PEP 625): filename-form name, normalized version. */
    public static String expected(ProjectName name, Pep440Version version) {
        return name.filenameForm() + "-" + version.normalized() + EXTENSION;
    }

    public Pep440Version version() {
        return Pep440Version.parse(versionPart);
    }

    public String filename() {
        return namePart + "-" + versionPart + EXTENSION;
    }

    private static DistributionException invalid(String filename, String why) {
        return new DistributionException("Invalid source distribution filename '" + ForeignText.line(filename) + "': "
                + why + ". Source distributions must be named {name}-{version}.tar.gz (PEP 625)");
    }

    @Override
    public String toString() {
        return filename();
    }
}
