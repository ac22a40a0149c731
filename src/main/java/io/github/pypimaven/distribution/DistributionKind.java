package io.github.pypimaven.distribution;

import io.github.pypimaven.ci.ForeignText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two kinds of distribution PyPI accepts today, with the {@code filetype} value the upload form uses. */
public enum DistributionKind {
    WHEEL("bdist_wheel", ".whl"),
    SDIST("sdist", ".tar.gz");

    private final String filetype;
    private final String extension;

    DistributionKind(String filetype, String extension) {
        this.filetype = filetype;
        this.extension = extension;
    }

    /** The upload form's {@code filetype} value. */
    public String filetype() {
        return filetype;
    }

    public String extension() {
        return extension;
    }

    /**
     * What a file name says about a file: a wheel, an sdist, a distribution format PyPI refuses (with the reason), or
     * not a distribution at all (a POM, a checksum, a signature...).
     *
     * @param kind      present for .whl and .tar.gz files
     * @param rejection present for files that look like distributions PyPI no longer accepts
     */
    public record Classification(Optional<DistributionKind> kind, Optional<String> rejection) {

        public boolean isCandidate() {
            return kind.isPresent();
        }

        public boolean isRejectedDistribution() {
            return rejection.isPresent();
        }
    }

    private record Refused(String suffix, String reason) {
    }

    // Order matters: longer suffixes first.
    private static final List<Refused> REFUSED = List.of(
            new Refused(".tar.bz2", "PyPI accepts source distributions only as .tar.gz (PEP 625): build the sdist as .tar.gz"),
            new Refused(".tar.xz", "PyPI accepts source distributions only as .tar.gz (PEP 625): build the sdist as .tar.gz"),
            new Refused(".tar.zst", "PyPI accepts source distributions only as .tar.gz (PEP 625): build the sdist as .tar.gz"),
            new Refused(".tar", "PyPI accepts source distributions only as .tar.gz (PEP 625): build the sdist as .tar.gz"),
            new Refused(".tgz", "PyPI accepts source distributions only as .tar.gz (PEP 625): name it {name}-{version}.tar.gz"),
            new Refused(".zip", "PyPI no longer accepts .zip source distributions (PEP 625): build the sdist as .tar.gz"),
            new Refused(".egg", "PyPI no longer accepts eggs (PEP 715): build a wheel instead"),
            new Refused(".exe", "PyPI no longer accepts bdist_wininst installers (PEP 527): build a wheel instead"),
            new Refused(".msi", "PyPI no longer accepts bdist_msi installers (PEP 527): build a wheel instead"),
            new Refused(".rpm", "PyPI does not accept bdist_rpm packages (PEP 527): build a wheel instead"),
            new Refused(".deb", "PyPI does not accept Debian packages: build a wheel instead"),
            new Refused(".dmg", "PyPI does not accept bdist_dmg images (PEP 527): build a wheel instead"));

    /**
     * Classifies a file by its name alone (case-insensitively, as PyPI's extension check is). The rejection shows the
     * name as foreign text: nothing has checked its characters yet.
     */
    public static Classification classify(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        for (DistributionKind kind : values()) {
            if (lower.endsWith(kind.extension)) {
                return new Classification(Optional.of(kind), Optional.empty());
            }
        }
        for (Refused refused : REFUSED) {
            if (lower.endsWith(refused.suffix)) {
                return new Classification(Optional.empty(),
                        Optional.of("'" + ForeignText.line(filename) + "' is not a distribution PyPI accepts: "
                                + refused.reason));
            }
        }
        return new Classification(Optional.empty(), Optional.empty());
    }
}
