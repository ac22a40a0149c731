package com.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.python.util.PythonInterpreter;

/**
 * Runs the Python package of src/main/python under Jython 2.7, the engine the py2.py3 wheel promises, with this
 * project's classes on the class path: the package must find the Java Greeter and greet through it.
 */
class GreeterOnJythonTest {

    private static PythonInterpreter jython;

    @BeforeAll
    static void startJython() {
        Properties options = new Properties();
        // No package cache and no $py.class files: nothing is written into src/main/python or the home directory.
        options.setProperty("python.cachedir.skip", "true");
        options.setProperty("python.import.site", "false");
        PythonInterpreter.initialize(System.getProperties(), options, new String[0]);
        jython = new PythonInterpreter();
        jython.exec("import sys");
        jython.exec("sys.dont_write_bytecode = True");
        jython.getSystemState().path.insert(0, new org.python.core.PyString(System.getProperty("greeter.pythonSources")));
    }

    @AfterAll
    static void stopJython() {
        jython.close();
    }

    @Test
    void greetsThroughTheJavaClass() {
        jython.exec("import greeter");
        assertEquals("java", jython.eval("greeter.implementation()").toString());
        assertEquals("Hello, Jython!", jython.eval("greeter.greet('Jython')").toString());
        assertEquals("Bonjour, Maven!", jython.eval("greeter.greet('Maven', greeting='Bonjour')").toString());
    }

    @Test
    void runsAsPython27() {
        assertEquals("2.7", jython.eval("'%d.%d' % sys.version_info[:2]").toString());
        assertEquals("1.0.0", jython.eval("__import__('greeter').__version__").toString());
    }
}
