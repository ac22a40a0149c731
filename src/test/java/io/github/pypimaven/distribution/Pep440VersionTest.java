package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionTest {

    @Test
    void eachGroupNumberNamesItsGroup() {
        // A version with every part, and one with the other post-release spelling.
        java.util.regex.Matcher all = Pep440Version.GRAMMAR.matcher("1!2.3rc4.post5.dev6+local.7");
        java.util.regex.Matcher dash = Pep440Version.GRAMMAR.matcher("1.0-8");
        assertTrue(all.matches());
        assertTrue(dash.matches());
        for (java.util.regex.Matcher m : List.of(all, dash)) {
            assertEquals(m.group("epoch"), m.group(Pep440Version.EPOCH));
            assertEquals(m.group("release"), m.group(Pep440Version.RELEASE));
            assertEquals(m.group("pre"), m.group(Pep440Version.PRE));
            assertEquals(m.group("preL"), m.group(Pep440Version.PRE_LABEL));
            assertEquals(m.group("preN"), m.group(Pep440Version.PRE_NUMBER));
            assertEquals(m.group("post"), m.group(Pep440Version.POST));
            assertEquals(m.group("postN1"), m.group(Pep440Version.POST_NUMBER_AFTER_DASH));
            assertEquals(m.group("postN2"), m.group(Pep440Version.POST_NUMBER));
            assertEquals(m.group("dev"), m.group(Pep440Version.DEV));
            assertEquals(m.group("devN"), m.group(Pep440Version.DEV_NUMBER));
            assertEquals(m.group("local"), m.group(Pep440Version.LOCAL));
        }
        assertEquals("8", dash.group(Pep440Version.POST_NUMBER_AFTER_DASH));
        assertEquals("5", all.group(Pep440Version.POST_NUMBER));
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "1.0.0-alpha1, 1.0.0a1",
        "1.0-post1, 1.0.post1",
        "2025.09.4, 2025.9.4",
        "1.0-RC1, 1.0rc1",
        "1.0c1, 1.0rc1",
        "1.0.preview2, 1.0rc2",
        "v1.2, 1.2",
        "1.0-1, 1.0.post1",
        "1.0.dev, 1.0.dev0",
        "1.0b, 1.0b0",
        "1!2.0, 1!2.0",
        "0!2.0, 2.0",
        "1.0+Ubuntu-1, 1.0+ubuntu.1",
        "' 1.0 ', 1.0",
        "1.0a2.post3.dev4, 1.0a2.post3.dev4",
        "1.0-r4, 1.0.post4",
    })
    void normalizes(String raw, String normalized) {
        assertEquals(normalized, Pep440Version.parse(raw).normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0-SNAPSHOT", "latest", "1..0", "1.0+", "a1.0", "1.0-foo"})
    void rejects(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pep440Version.parse(raw));
        assertTrue(e.getMessage().contains("not a valid PEP 440 version"), e.getMessage());
    }

    @Test
    void ordersAsPep440() {
        List<String> ascending = List.of("1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1", "1.0b2", "1.0rc1", "1.0",
                "1.0+local", "1.0.post1.dev1", "1.0.post1", "1.1", "2!0.1");
        for (int i = 0; i < ascending.size() - 1; i++) {
            Pep440Version lower = Pep440Version.parse(ascending.get(i));
            Pep440Version higher = Pep440Version.parse(ascending.get(i + 1));
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
            assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
        }
    }

    @Test
    void trailingZerosAreEqualAsOnPyPI() {
        assertEquals(Pep440Version.parse("1.0"), Pep440Version.parse("1.0.0"));
        assertEquals(Pep440Version.parse("1.0").hashCode(), Pep440Version.parse("1.0.0").hashCode());
        assertNotEquals(Pep440Version.parse("1.0"), Pep440Version.parse("1.0.1"));
    }

    @Test
    void knowsLocalAndPreReleases() {
        assertTrue(Pep440Version.parse("1.0+x").isLocal());
        assertFalse(Pep440Version.parse("1.0").isLocal());
        assertTrue(Pep440Version.parse("1.0rc1").isPreRelease());
        assertTrue(Pep440Version.parse("1.0.dev0").isPreRelease());
        assertFalse(Pep440Version.parse("1.0.post1").isPreRelease());
    }
}
