package io.github.pypimaven.testing.pypi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * packaging 26.2's {@code Version}, for the fake PyPI only (the plugin has its own): PEP 440 parsing with the
 * permissive spellings packaging accepts, {@code str(Version)} and equality ({@code 1.0 == 1.0.0}).
 *
 * @param epoch   0 when absent
 * @param release the release numbers, as written (trailing zeros kept)
 * @param pre     e.g. {@code rc1}, null when absent
 * @param post    the post-release number, null when absent
 * @param dev     the dev-release number, null when absent
 * @param local   the local label's parts (numbers as BigInteger, words lower-cased), empty when absent
 */
record PyVersion(BigInteger epoch, List<BigInteger> release, String pre, BigInteger post, BigInteger dev,
                 List<Object> local) {

    /** Python's {@code \s}: the whitespace packaging allows around a version. */
    private static final String SPACE = "[\\t\\n\\u000b\\f\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a"
            + "\\u2028\\u2029\\u202f\\u205f\\u3000]";
    private static final String SEP = "[._-]";
    private static final Pattern GRAMMAR = Pattern.compile(SPACE + "*v?+"
            + "(?:(?<epoch>[0-9]+)!)?+"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*+)"
            + "(?<pre>" + SEP + "?+(?<preL>alpha|a|beta|b|preview|pre|c|rc)" + SEP + "?+(?<preN>[0-9]+)?)?+"
            + "(?<post>(?:-(?<postN1>[0-9]+))|(?:" + SEP + "?(?<postL>post|rev|r)" + SEP + "?(?<postN2>[0-9]+)?))?+"
            + "(?<dev>" + SEP + "?+(?<devL>dev)" + SEP + "?+(?<devN>[0-9]+)?)?+"
            + "(?:\\+(?<local>[a-z0-9]+(?:" + SEP + "[a-z0-9]+)*+))?+"
            + SPACE + "*", Pattern.CASE_INSENSITIVE);

    /** The version, or null when packaging raises InvalidVersion. */
    static PyVersion parse(String text) {
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return null;
        }
        List<BigInteger> release = new ArrayList<>();
        for (String n : m.group("release").split("\\.")) {
            release.add(new BigInteger(n));
        }
        String pre = null;
        if (m.group("preL") != null) {
            String letter = switch (m.group("preL").toLowerCase(Locale.ROOT)) {
                case "alpha" -> "a";
                case "beta" -> "b";
                case "c", "pre", "preview" -> "rc";
                default -> m.group("preL").toLowerCase(Locale.ROOT);
            };
            pre = letter + number(m.group("preN"));
        }
        BigInteger post = m.group("post") == null ? null
                : number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
        BigInteger dev = m.group("devL") == null ? null : number(m.group("devN"));
        List<Object> local = new ArrayList<>();
        if (m.group("local") != null) {
            for (String part : m.group("local").split(SEP)) {
                local.add(part.chars().allMatch(Character::isDigit) ? new BigInteger(part) : part.toLowerCase(Locale.ROOT));
            }
        }
        return new PyVersion(m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch")),
                List.copyOf(release), pre, post, dev, List.copyOf(local));
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    boolean isLocal() {
        return !local.isEmpty();
    }

    boolean isPostRelease() {
        return post != null;
    }

    /** {@code str(Version)}: the normalized spelling, trailing zeros kept. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (epoch.signum() != 0) {
            s.append(epoch).append('!');
        }
        s.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
        if (pre != null) {
            s.append(pre);
        }
        if (post != null) {
            s.append(".post").append(post);
        }
        if (dev != null) {
            s.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            s.append('+').append(String.join(".", local.stream().map(Object::toString).toList()));
        }
        return s.toString();
    }

    /** Equal as packaging compares versions: trailing zeros of the release do not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PyVersion v && epoch.equals(v.epoch) && trimmed().equals(v.trimmed())
                && java.util.Objects.equals(pre, v.pre) && java.util.Objects.equals(post, v.post)
                && java.util.Objects.equals(dev, v.dev) && local.equals(v.local);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(epoch, trimmed(), pre, post, dev, local);
    }

    private List<BigInteger> trimmed() {
        int end = release.size();
        while (end > 0 && release.get(end - 1).signum() == 0) {
            end--;
        }
        return release.subList(0, end);
    }
}
