package com.example.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the Python code of src/main/resources/org.graalvm.python.vfs/src in GraalPy, through the Java class. */
class WordCountTest {

    private static WordCount wordCount;

    @BeforeAll
    static void startGraalPy() {
        wordCount = new WordCount();
    }

    @AfterAll
    static void stopGraalPy() {
        wordCount.close();
    }

    @Test
    void countsWordsMostFrequentFirst() {
        Map<String, Long> counts = wordCount.count("the cat and The hat");
        assertEquals(List.of("the", "cat", "and", "hat"), List.copyOf(counts.keySet()));
        assertEquals(List.of(2L, 1L, 1L, 1L), List.copyOf(counts.values()));
    }

    @Test
    void emptyTextHasNoWords() {
        assertEquals(Map.of(), wordCount.count("  "));
    }

    @Test
    void thePythonPackageHasTheMavenVersion() {
        assertEquals(System.getProperty("wordcount.mavenVersion"), wordCount.pythonVersion());
    }
}
