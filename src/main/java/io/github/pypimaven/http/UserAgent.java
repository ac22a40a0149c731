package io.github.pypimaven.http;

/** The User-Agent every request of the plugin carries: the plugin, its version and the Java runtime. */
public final class UserAgent {

    public static final String VALUE = "pypi-maven-plugin/" + version() + " (Java " + Runtime.version().feature() + ")";

    private UserAgent() {}

    private static String version() {
        String version = UserAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
