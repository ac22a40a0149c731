package io.github.pypimaven.distribution;

import io.github.pypimaven.ci.ForeignText;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A distribution file read from disk: its metadata, identity, digests and what its archive holds.
 *
 * <p>The Name and Version fields are kept as the metadata writes them, valid or not, so that the validator reports a
 * bad one together with every other problem of the release; {@link #name()} and {@link #version()} are for code that
 * runs after validation.
 *
 * @param path     where the file is
 * @param filename its base name, as uploaded
 * @param kind     wheel or sdist
 * @param metadata its METADATA or PKG-INFO
 * @param digests  its SHA-256 and MD5, computed when first needed (see {@link FileDigests})
 * @param size     file size in bytes
 * @param contents what the archive holds, for the archive rules
 */
public record Distribution(Path path, String filename, DistributionKind kind, CoreMetadata metadata,
                           FileDigests digests, long size, ArchiveContents contents) {

    private static final String SDIST_PYVERSION = "source";

    /** Lower-case hex SHA-256 of the file; reads the file unless it is known already. */
    public String sha256() {
        return digests.sha256();
    }

    /** Lower-case hex MD5 of the file; reads the file unless it is known already. */
    public String md5() {
        return digests.md5();
    }

    /** The Name field as a project name; empty when it is not a valid one. */
    public Optional<ProjectName> validName() {
        return ProjectName.tryParse(metadata.name());
    }

    /** The Version field as a PEP 440 version; empty when it is not a valid one. */
    public Optional<Pep440Version> validVersion() {
        return Pep440Version.tryParse(metadata.version());
    }

    /**
     * The project name of a validated distribution.
     *
     * @throws DistributionException naming the file, when the Name field is not a valid project name
     */
    public ProjectName name() {
        try {
            return new ProjectName(metadata.name());
        } catch (IllegalArgumentException e) {
            throw new DistributionException(filename + ": Name " + e.getMessage(), e);
        }
    }

    /**
     * The version of a validated distribution.
     *
     * @throws DistributionException naming the file, when the Version field is not a PEP 440 version
     */
    public Pep440Version version() {
        try {
            return Pep440Version.parse(metadata.version());
        } catch (IllegalArgumentException e) {
            throw new DistributionException(filename + ": Version " + e.getMessage(), e);
        }
    }

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
        // Keeps log lines short: metadata and contents are large. Name and Version are as the file wrote them.
        return "Distribution[" + filename + ", " + kind.filetype() + ", " + ForeignText.line(metadata.name()) + " "
                + validVersion().map(Pep440Version::toString).orElse(ForeignText.line(metadata.version()))
                + ", " + size + " bytes]";
    }
}
