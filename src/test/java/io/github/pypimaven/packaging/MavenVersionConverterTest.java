package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Pep440Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MavenVersionConverterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.0, 1.2.0",
        "1, 1",
        "2025.09.4, 2025.9.4",
        "1.2.0-SNAPSHOT, 1.2.0.dev0",
        "1.0-rc-1, 1.0rc1",
        "1.0-RC1, 1.0rc1",
        "1.0.0-cr2, 1.0.0rc2",
        "2.1.0-beta2, 2.1.0b2",
        "2.1.0-beta, 2.1.0b0",
        "1.0-alpha-3, 1.0a3",
        "1.0.0-alpha1, 1.0.0a1",
        "1.0a1, 1.0a1",
        "1.0-M1, 1.0b1",
        "3.0.0-milestone-2, 3.0.0b2",
        "1.0.Final, 1.0",
        "1.0-RELEASE, 1.0",
        "5.4.GA, 5.4",
        "1.0-1, 1.0.post1",
        "1.0-SP2, 1.0.post2",
        "1.0-post1, 1.0.post1",
        "1.0-dev3, 1.0.dev3",
        "1.0-rc1-SNAPSHOT, 1.0rc1.dev0",
        "1.0-rc-1-1, 1.0rc1.post1",
        "1.0.0-beta-2-SNAPSHOT, 1.0.0b2.dev0",
        "1.0_beta_1, 1.0b1",
        "1.0.Final-SNAPSHOT, 1.0.dev0",
    })
    void converts(String maven, String python) {
        assertEquals(python, MavenVersionConverter.toPep440(maven).normalized());
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"1.0-foo-bar", "latest", "", "  ", "SNAPSHOT", "1.0-", "1..0", "v1.0", "1.0-rc1-beta2",
        "1.0-1-1", "1.0.1-dev1-SNAPSHOT", "1.0+local", "1.0-rc1.2", "1.0-alpha-1-final"})
    void refusesWhatPep440CannotSay(String maven) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MavenVersionConverter.toPep440(maven));
        assertTrue(e.getMessage().contains("'" + maven.strip() + "'") || e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void namesTheUnknownQualifier() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MavenVersionConverter.toPep440("1.0-foo-bar"));
        assertTrue(e.getMessage().contains("'foo'"), e.getMessage());
    }

    @Test
    void keepsMavenOrdering() {
        String[] ordered = {"1.0-alpha-1", "1.0-alpha-2", "1.0-M1", "1.0-M2", "1.0-rc-1", "1.0-SNAPSHOT", "1.0", "1.0-SP1", "1.1"};
        // Maven sorts SNAPSHOT after rc; PEP 440 sorts .dev0 before all pre-releases, the one unavoidable difference.
        for (int i = 0; i + 1 < ordered.length; i++) {
            Pep440Version a = MavenVersionConverter.toPep440(ordered[i]);
            Pep440Version b = MavenVersionConverter.toPep440(ordered[i + 1]);
            if (!ordered[i].endsWith("SNAPSHOT") && !ordered[i + 1].endsWith("SNAPSHOT")) {
                assertTrue(a.compareTo(b) < 0, a + " < " + b);
            }
        }
        assertTrue(MavenVersionConverter.toPep440("1.0-SNAPSHOT").compareTo(MavenVersionConverter.toPep440("1.0")) < 0);
    }

    @Test
    void milestonesAndBetasOfOneVersionCollideAsDocumented() {
        assertEquals(MavenVersionConverter.toPep440("1.0-beta-1"), MavenVersionConverter.toPep440("1.0-M1"));
    }
}
