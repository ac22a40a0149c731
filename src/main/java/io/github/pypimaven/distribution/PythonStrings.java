package io.github.pypimaven.distribution;

import java.util.Set;

/**
 * Python's string predicates that PyPI's rules depend on, where Java's differ: {@code str.strip()} removes a few
 * characters {@link String#strip()} keeps (no-break spaces, U+0085), and {@code str.isidentifier()} is not
 * {@link Character#isJavaIdentifierStart(int)}.
 */
final class PythonStrings {

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private PythonStrings() {
    }

    /** {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        return c >= 0x09 && c <= 0x0d || c >= 0x1c && c <= 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200a || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }

    /** {@code str.strip()}. */
    static String strip(String s) {
        return rstrip(lstrip(s));
    }

    /** {@code str.lstrip()}. */
    static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        return s.substring(start);
    }

    /** {@code str.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(0, end);
    }

    /** {@code len(s)}: code points, not UTF-16 units. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * {@code str.isidentifier()}: a letter or '_', then letters, digits, marks, connectors (Unicode identifier
     * characters, without the ones Java calls ignorable).
     */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return s.codePoints().skip(1)
                .allMatch(c -> Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    /** {@code keyword.iskeyword(s)}: the hard keywords; soft ones such as {@code match} are identifiers. */
    static boolean isKeyword(String s) {
        return KEYWORDS.contains(s);
    }
}
