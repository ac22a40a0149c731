package io.github.pypimaven.testing;

import java.nio.file.Path;
import java.util.List;

/** The wheel and sdist that most ITs publish: built in each IT's setup script, never checked in. */
public final class ItDistributions {

    public static final String NAME = "it-pkg";
    public static final String VERSION = "1.0.0";
    public static final String WHEEL = "it_pkg-1.0.0-py3-none-any.whl";
    public static final String SDIST = "it_pkg-1.0.0.tar.gz";

    private ItDistributions() {}

    /** Writes {@link #WHEEL} and {@link #SDIST} into {@code dir} and returns them, the wheel first. */
    public static List<Path> write(Object dir) {
        return write(dir, NAME);
    }

    /** The same for another project name (multi-module ITs), version 1.0.0, module {@code <name>/__init__.py}. */
    public static List<Path> write(Object dir, String name) {
        Path target = Path.of(dir.toString());
        String module = name.replace('-', '_');
        Path wheel = standard(TestDistributions.wheel(name, VERSION), module).writeTo(target);
        Path sdist = standard(TestDistributions.sdist(name, VERSION), module).writeTo(target);
        return List.of(wheel, sdist);
    }

    private static TestDistributions.Builder standard(TestDistributions.Builder builder, String module) {
        return builder.metadataVersion("2.2")
                .field("Summary", "A package published by an integration test")
                .field("Author-email", "IT <it@example.com>")
                .field("Classifier", "Programming Language :: Python :: 3")
                .field("Requires-Python", ">=3.8")
                .field("Project-URL", "Source, https://example.com/it-pkg")
                .description("# it-pkg\n\nPublished by pypi-maven-plugin's integration tests.\n", "text/markdown")
                .module(module + "/__init__.py", "GREETING = 'hello'\n");
    }
}
