package io.github.pypimaven.maven;

import java.util.function.Supplier;
import org.apache.maven.plugin.MojoFailureException;

/** Reads a goal's setting through the domain type that checks it. */
final class MojoSetting {

    private MojoSetting() {
    }

    /** Turns a bad setting (an {@link IllegalArgumentException} whose message names it) into a build failure. */
    static <T> T parse(Supplier<T> setting) throws MojoFailureException {
        try {
            return setting.get();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
