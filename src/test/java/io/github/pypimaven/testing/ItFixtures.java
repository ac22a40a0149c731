package io.github.pypimaven.testing;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Prepares what the invoker ITs need before Maven filters their files: free loopback ports for the fake servers
 * (their URLs end up in invoker.properties as environment variables, which a setup script cannot set).
 *
 * <p>Run by exec-maven-plugin in pre-integration-test; the properties are read back into the build by
 * properties-maven-plugin.
 */
public final class ItFixtures {

    private ItFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Properties properties = new Properties();
        properties.setProperty("it.pypi.port", String.valueOf(freePort()));
        properties.setProperty("it.oidc.port", String.valueOf(freePort()));
        try (Writer out = Files.newBufferedWriter(dir.resolve("it.properties"))) {
            properties.store(out, "written by " + ItFixtures.class.getName());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
