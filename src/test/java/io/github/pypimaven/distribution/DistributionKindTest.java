package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionKindTest {

    @Test
    void classifiesWheelsAndSdists() {
        assertEquals(Optional.of(DistributionKind.WHEEL), DistributionKind.classify("a-1-py3-none-any.whl").kind());
        assertEquals(Optional.of(DistributionKind.SDIST), DistributionKind.classify("a-1.tar.gz").kind());
        assertEquals("bdist_wheel", DistributionKind.WHEEL.filetype());
        assertEquals("sdist", DistributionKind.SDIST.filetype());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-1.zip", "a-1-py3.7.egg", "a-1.tar.bz2", "a-1.win32.exe", "a-1.tgz"})
    void refusesOldDistributionFormatsWithAReason(String filename) {
        DistributionKind.Classification c = DistributionKind.classify(filename);
        assertFalse(c.isCandidate());
        assertTrue(c.isRejectedDistribution());
        assertTrue(c.rejection().get().contains(filename) && c.rejection().get().contains("not a distribution PyPI"
                + " accepts"), c.rejection().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plugin-1.0.jar", "plugin-1.0.pom", "a-1.tar.gz.asc", "a-1-py3-none-any.whl.sha256"})
    void ignoresOtherFiles(String filename) {
        DistributionKind.Classification c = DistributionKind.classify(filename);
        assertFalse(c.isCandidate());
        assertFalse(c.isRejectedDistribution());
    }
}
