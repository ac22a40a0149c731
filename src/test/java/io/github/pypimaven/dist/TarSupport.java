package io.github.pypimaven.dist;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Assumptions;

/**
 * commons-compress 1.28's tar classes need commons-lang3 3.18, but maven-core (provided) brings 3.8.1, which wins
 * Maven's dependency mediation for the test classpath. Until the POM pins commons-lang3, tests that read or write
 * tar files cannot run; they say so instead of failing with a NoClassDefFoundError.
 */
final class TarSupport {

    private TarSupport() {
    }

    static void assumeTarClassesLoad() {
        boolean loads;
        try {
            new TarArchiveEntry("probe");
            loads = true;
        } catch (LinkageError e) {
            loads = false;
        }
        Assumptions.assumeTrue(loads, "commons-compress tar support needs commons-lang3 >= 3.18 on the test classpath"
                + " (maven-core's 3.8.1 wins mediation): add org.apache.commons:commons-lang3:3.18.0 to the POM");
    }
}
