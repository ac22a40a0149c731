package com.example.wordcount;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.python.embedding.GraalPyResources;

/**
 * The Java side of the example: runs the Python package {@code wordcount} inside GraalPy. Its sources are Java
 * resources under {@code org.graalvm.python.vfs/src}, which GraalPy's virtual file system puts on Python's path, so
 * the jar carries them; pypi-maven-plugin builds the same sources into the wheel and the sdist.
 */
public final class WordCount implements AutoCloseable {

    private final Context context;
    private final Value module;

    public WordCount() {
        context = GraalPyResources.contextBuilder()
                // Without Graal's JIT compiler (a plain JDK) GraalPy interprets; that is expected here, not a warning.
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        context.eval("python", "import wordcount");
        module = context.getBindings("python").getMember("wordcount");
    }

    /** The number of times each word occurs, most frequent first, as {@code wordcount.count} computes it. */
    public Map<String, Long> count(String text) {
        Value pairs = module.getMember("count").execute(text);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (long i = 0; i < pairs.getArraySize(); i++) {
            Value pair = pairs.getArrayElement(i);
            counts.put(pair.getArrayElement(0).asString(), pair.getArrayElement(1).asLong());
        }
        return counts;
    }

    /** The Python package's {@code __version__}. */
    public String pythonVersion() {
        return module.getMember("__version__").asString();
    }

    @Override
    public void close() {
        context.close();
    }

    public static void main(String[] args) {
        try (WordCount wordCount = new WordCount()) {
            wordCount.count(String.join(" ", args)).forEach((word, n) -> System.out.println(n + " " + word));
        }
    }
}
