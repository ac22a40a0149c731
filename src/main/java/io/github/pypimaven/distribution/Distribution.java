package io.github.pypimaven.distribution;

import java.nio.file.Path;

/**
 * A distribution file read from disk: its metadata, identity, digests and what its archive holds.
 *
 * @param path     where the file is
 * @param filename its base name, as uploaded
 * @param kind     wheel or sdist
 * @param metadata its METADATA or PKG-INFO
 * @param name     the Name field
 * @param version  the Version field
 * @param sha256   lower-case hex SHA-256 of the file
 * @param md5      lower-case hex MD5 of the file
 * @param size     file size in bytes
 * @param contents what the archive holds, for the archive rules
 */
public record Distribution(Path path, String filename, DistributionKind kind, CoreMetadata metadata,
                           ProjectName name, Pep440Version version, String sha256, String md5, long size,
                           ArchiveContents contents) {

    private static final String SDIST_PYVERSION = "source";

    /** The upload form's {@code pyversion}: the raw python tag of a wheel's file name, "source" for an sdist. */
    public String pythonTag() {
        return kind == DistributionKind.WHEEL ? WheelFilename.parse(filename).pythonTag() : SDIST_PYVERSION;
    }

    /** Where PyPI looks for a License-File path inside this archive. */
    public String licenseFilePath(String licenseFile) {
        return kind == DistributionKind.WHEEL
                ? contents.root() + "/licenses/" + licenseFile
                : contents.root() + "/" + licenseFile;
    }

    /** Whether the archive holds the file a License-File field names, where PyPI looks for it. */
    public boolean containsLicenseFile(String licenseFile) {
        return contents.contains(licenseFilePath(licenseFile));
    }

    @Override
    public String toString() {
        // Keeps log lines short: metadata and contents are large.
        return "Distribution[" + filename + ", " + kind.filetype() + ", " + name + " " + version + ", sha256=" + sha256
                + ", " + size + " bytes]";
    }
}
