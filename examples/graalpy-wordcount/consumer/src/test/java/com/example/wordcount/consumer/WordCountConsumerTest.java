package com.example.wordcount.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.python.embedding.GraalPyResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published graalpy-wordcount, as pip installed it into this application's venv, imported and run in GraalPy. */
class WordCountConsumerTest {

    private static Context python;

    @BeforeAll
    static void startGraalPy() {
        python = GraalPyResources.contextBuilder().option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void stopGraalPy() {
        python.close();
    }

    private static Value eval(String expression) {
        return python.eval("python", expression);
    }

    @Test
    void theInstalledReleaseCountsWords() {
        python.eval("python", "import wordcount");
        assertEquals("[('b', 2), ('a', 1)]", eval("repr(wordcount.count('b a B'))").asString());
    }

    @Test
    void itCameFromTheIndexThroughPip() {
        python.eval("python", "import importlib.metadata, wordcount");
        assertEquals(System.getProperty("wordcount.version"), eval("importlib.metadata.version('graalpy-wordcount')").asString());
        assertEquals("pip", eval("importlib.metadata.distribution('graalpy-wordcount').read_text('INSTALLER').strip()").asString());
        String location = eval("wordcount.__file__").asString();
        assertTrue(location.contains("/venv/") && location.contains("site-packages"), location);
    }

    @Test
    void itsConsoleScriptIsDeclared() {
        python.eval("python", "import importlib.metadata");
        assertEquals("wordcount:main", eval("[e.value for e in importlib.metadata.distribution('graalpy-wordcount')"
                + ".entry_points if e.group == 'console_scripts' and e.name == 'wordcount'][0]").asString());
    }
}
