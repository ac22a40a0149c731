package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectNameTest {

    @ParameterizedTest
    @CsvSource({
        "Django, django, django",
        "my_package, my-package, my_package",
        "My.Package, my-package, my_package",
        "a-_.b, a-b, a_b",
        "X, x, x",
        "zope.interface, zope-interface, zope_interface",
    })
    void normalizes(String raw, String normalized, String filenameForm) {
        ProjectName name = new ProjectName(raw);
        assertEquals(normalized, name.normalized());
        assertEquals(filenameForm, name.filenameForm());
        assertEquals(raw, name.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-abc", "abc-", "a b", "naïve", "a/b", "_x"})
    void rejectsInvalidNames(String raw) {
        assertFalse(ProjectName.isValid(raw));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProjectName(raw));
        assertTrue(e.getMessage().contains("not a valid project name"));
    }

    @Test
    void equalityIsByNormalizedName() {
        assertEquals(new ProjectName("My_Package"), new ProjectName("my.package"));
        assertEquals(new ProjectName("My_Package").hashCode(), new ProjectName("my.package").hashCode());
    }
}
