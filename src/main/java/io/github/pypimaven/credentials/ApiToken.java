package io.github.pypimaven.credentials;

import io.github.pypimaven.http.BasicAuth;

/**
 * An API token configured by the user (settings.xml or an environment variable), sent as PyPI expects it: Basic
 * {@code __token__:<token>}.
 *
 * @param value the token; never printed ({@link #toString()} hides it)
 * @param source where it was found, e.g. "settings.xml server 'pypi'"
 */
public record ApiToken(String value, String source) implements StaticCredentials {

    public ApiToken {
        value = value.strip(); // PyPI strips surrounding white space too; a pasted newline must not break the header
    }

    @Override
    public BasicAuth basicAuth() {
        return new BasicAuth("__token__", value, source);
    }

    @Override
    public String description() {
        return "the token from " + source;
    }

    @Override
    public String toString() {
        return "ApiToken[source=" + source + ", value=***]";
    }
}
