package io.github.pypimaven.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic credentials for an index: the one place the {@code Authorization} value is built. The user name is not a
 * secret (messages name it); the password is, and {@link #toString()} never shows it.
 *
 * @param username {@code __token__} for an API token, the account of a private index, {@code gitlab-ci-token}, ...
 * @param password the token or password
 * @param source where they come from, for messages, e.g. "settings.xml server 'nexus'"; never the password
 */
public record BasicAuth(String username, String password, String source) {

    /** The value of the {@code Authorization} header. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The forms the secret travels in, to cut from anything an index says back: the password, and the whole pair. */
    public List<String> secrets() {
        return List.of(password, username + ":" + password);
    }

    /** Who is authenticating, for messages: "settings.xml server 'nexus' (user 'alice')". */
    public String who() {
        return source + (username.equals("__token__") ? "" : " (user '" + username + "')");
    }

    @Override
    public String toString() {
        return "BasicAuth[" + who() + ", password=***]";
    }
}
