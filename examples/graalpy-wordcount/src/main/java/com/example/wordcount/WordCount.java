package com.example.wordcount;

/**
 * The Java side of the example. In a GraalPy application this class would create a polyglot context over the
 * virtual file system (org.graalvm.python.vfs) and call {@code wordcount.count}; here it only names the module, so the
 * example builds without downloading the GraalPy runtime.
 */
public final class WordCount {

    public static final String PYTHON_MODULE = "wordcount";

    private WordCount() {}
}
