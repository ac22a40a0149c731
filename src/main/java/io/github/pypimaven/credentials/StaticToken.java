package io.github.pypimaven.credentials;

/**
 * An API token configured by the user (settings.xml or an environment variable).
 *
 * @param value the token; never printed ({@link #toString()} hides it)
 * @param source where it was found, e.g. "settings.xml server 'pypi'"
 */
public record StaticToken(String value, String source) implements UploadCredentials {

    public StaticToken {
        value = value.strip(); // PyPI strips surrounding white space too; a pasted newline must not break the header
    }

    @Override
    public String token() {
        return value;
    }

    @Override
    public String toString() {
        return "StaticToken[source=" + source + ", value=***]";
    }
}
