package io.github.pypimaven.distribution;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as PEP 440 defines it: parsed leniently (as pip and PyPI do), compared by PEP 440's ordering,
 * and printed in its normalized form ({@code 1.0-RC1} is {@code 1.0rc1}).
 *
 * <p>{@link #equals} follows PEP 440 too: {@code 1.0} equals {@code 1.0.0}, as it does on PyPI.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    static final Pattern GRAMMAR = Pattern.compile(
            "v?"
            + "(?:(?<epoch>[0-9]+)!)?"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
            + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);
    // The groups by number, in the order their names open above: a lookup by name, for every version of every file,
    // costs a fresh JVM more than the match (the test checks that each number still names its group).
    static final int EPOCH = 1;
    static final int RELEASE = 2;
    static final int PRE = 3;
    static final int PRE_LABEL = 4;
    static final int PRE_NUMBER = 5;
    static final int POST = 6;
    static final int POST_NUMBER_AFTER_DASH = 7;
    static final int POST_NUMBER = 9;
    static final int DEV = 10;
    static final int DEV_NUMBER = 12;
    static final int LOCAL = 13;

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final String preLabel; // a, b, rc or null
    private final BigInteger preNumber;
    private final BigInteger post; // null when absent
    private final BigInteger dev; // null when absent
    private final String local; // normalized, null when absent

    private Pep440Version(Matcher m) {
        epoch = m.group(EPOCH) == null ? BigInteger.ZERO : new BigInteger(m.group(EPOCH));
        release = Arrays.stream(m.group(RELEASE).split("\\.")).map(BigInteger::new).toList();
        if (m.group(PRE) != null) {
            preLabel = switch (m.group(PRE_LABEL).toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc";
            };
            preNumber = number(m.group(PRE_NUMBER));
        } else {
            preLabel = null;
            preNumber = null;
        }
        if (m.group(POST) != null) {
            post = number(m.group(POST_NUMBER_AFTER_DASH) != null ? m.group(POST_NUMBER_AFTER_DASH) : m.group(POST_NUMBER));
        } else {
            post = null;
        }
        dev = m.group(DEV) != null ? number(m.group(DEV_NUMBER)) : null;
        local = m.group(LOCAL) == null ? null : m.group(LOCAL).toLowerCase(Locale.ROOT).replaceAll("[-_]", ".");
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** Parses a version; surrounding white space is ignored, as in packaging. */
    public static Pep440Version parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a valid PEP 440 version (for example 1.2.0, 1.2.0rc1, 1.2.0.post1, 1.2.0.dev3)"));
    }

    public static Optional<Pep440Version> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(PythonStrings.strip(text));
        return m.matches() ? Optional.of(new Pep440Version(m)) : Optional.empty();
    }

    public boolean isLocal() {
        return local != null;
    }

    public boolean isPreRelease() {
        return preLabel != null || dev != null;
    }

    /** The canonical spelling, as PyPI and pip print it. */
    public String normalized() {
        StringBuilder out = new StringBuilder();
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        out.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
        if (preLabel != null) {
            out.append(preLabel).append(preNumber);
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        if (local != null) {
            out.append('+').append(local);
        }
        return out.toString();
    }

    @Override
    public int compareTo(Pep440Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c != 0) {
            return c;
        }
        c = compareReleases(trimmed(release), trimmed(other.release));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), other.preRank());
        if (c == 0 && preLabel != null) {
            c = preLabel.compareTo(other.preLabel); // "a" < "b" < "rc"
            if (c == 0) {
                c = preNumber.compareTo(other.preNumber);
            }
        }
        if (c != 0) {
            return c;
        }
        c = compareOptional(post, other.post, false);
        if (c != 0) {
            return c;
        }
        c = compareOptional(dev, other.dev, true);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, other.local);
    }

    /** A dev release of a final version sorts before its pre-releases; a final version after them. */
    private int preRank() {
        if (preLabel == null && post == null && dev != null) {
            return -1;
        }
        return preLabel == null ? 1 : 0;
    }

    /** Absent post sorts first; absent dev sorts last. */
    private static int compareOptional(BigInteger a, BigInteger b, boolean absentIsGreatest) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            return absentIsGreatest ? 1 : -1;
        }
        if (b == null) {
            return absentIsGreatest ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static List<BigInteger> trimmed(List<BigInteger> release) {
        List<BigInteger> out = new ArrayList<>(release);
        while (out.size() > 1 && out.get(out.size() - 1).signum() == 0) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static int compareReleases(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Numeric local segments sort above alphanumeric ones; a longer local version sorts above its prefix. */
    private static int compareLocal(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNum = x[i].chars().allMatch(Character::isDigit);
            boolean yNum = y[i].chars().allMatch(Character::isDigit);
            int c;
            if (xNum && yNum) {
                c = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
            } else if (xNum != yNum) {
                c = xNum ? 1 : -1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pep440Version that && compareTo(that) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(epoch, trimmed(release), preLabel, preNumber, post, dev, local);
    }

    @Override
    public String toString() {
        return normalized();
    }
}
