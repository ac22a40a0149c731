package io.github.pypimaven.ci;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text the plugin did not write (an index's error page, a proxy's answer, a claim of an identity token, a CI
 * variable), made safe to show in a log line, an annotation or a step summary.
 *
 * <p>{@link #line} is the one way such text enters a message: it removes anything that looks like a credential
 * (the secrets the caller knows, in raw, {@code __token__:} and base64 forms; any JWT; any PyPI token; any Basic or
 * Bearer value), turns line breaks and other control characters into spaces, so the text cannot start a line of its
 * own, and defuses a leading workflow command ({@code ::warning::}, {@code ##[group]}) in case a caller puts it at
 * the start of one.
 */
public final class ForeignText {

    /** How much of a foreign text a message shows by default. */
    public static final int DEFAULT_LIMIT = 300;
    static final String REDACTED = "<redacted>";

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern PYPI_TOKEN = Pattern.compile("pypi-[A-Za-z0-9_-]{16,}");
    /** Whatever follows an {@code Authorization:} header name, as an index echoing the request would show it. */
    private static final Pattern AUTHORIZATION_HEADER = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)[^\"';,\\r\\n]{1,512}");
    /** A Basic or Bearer credential: the value must hold a digit or a base64 sign, so "Basic authentication" stays. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\b(basic|bearer)(\\s+)(?=[A-Za-z0-9+/=._~-]*[0-9+/=])[A-Za-z0-9+/=._~-]{8,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u0085\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern COMMAND_START = Pattern.compile("^\\s*(::|##)");

    private ForeignText() {}

    /** {@link #line(String, int, Collection)} with the default limit and no known secrets. */
    public static String line(String text) {
        return line(text, DEFAULT_LIMIT, List.of());
    }

    /** {@link #line(String, int, Collection)} with the default limit. */
    public static String line(String text, String... secrets) {
        return line(text, DEFAULT_LIMIT, Arrays.asList(secrets));
    }

    /**
     * One line of at most {@code limit} characters (and "..."), with no credential, no control character, and no
     * workflow command at its start.
     *
     * @param secrets values known to be secret here (the upload token, say); removed in every form they travel in
     */
    public static String line(String text, int limit, Collection<String> secrets) {
        if (text == null) {
            return "";
        }
        String flat = CONTROL.matcher(withoutSecrets(text, secrets)).replaceAll(" ");
        flat = SPACES.matcher(flat).replaceAll(" ").strip();
        if (flat.length() > limit) {
            flat = flat.substring(0, limit) + "...";
        }
        Matcher command = COMMAND_START.matcher(flat);
        return command.find() ? "'" + flat + "'" : flat;
    }

    /** {@code text} without the given secrets (raw, {@code __token__:} and base64 forms), JWTs, PyPI tokens, auth values. */
    public static String withoutSecrets(String text, Collection<String> secrets) {
        String clean = text;
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            for (String form : forms(secret.strip())) {
                clean = clean.replace(form, REDACTED);
            }
        }
        clean = JWT.matcher(clean).replaceAll(REDACTED);
        clean = PYPI_TOKEN.matcher(clean).replaceAll(REDACTED);
        clean = AUTHORIZATION_HEADER.matcher(clean).replaceAll("$1" + REDACTED);
        return AUTHORIZATION.matcher(clean).replaceAll("$1$2" + REDACTED);
    }

    /** The ways a secret shows up on the wire: itself, as a Basic {@code __token__:} pair, and their base64. */
    private static List<String> forms(String secret) {
        String pair = "__token__:" + secret;
        return List.of(pair, Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)), secret);
    }

    /**
     * A Markdown code block holding {@code text} verbatim: its fence is longer than any run of backticks inside, so
     * nothing in the text can close it and render as Markdown (a heading, a link) of its own.
     */
    public static String fenced(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
