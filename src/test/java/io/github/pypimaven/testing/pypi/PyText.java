package io.github.pypimaven.testing.pypi;

/** Python's {@code str.strip()} and {@code str.isidentifier()}, which Warehouse's and packaging's checks use. */
final class PyText {

    private PyText() {
    }

    /** The code points for which {@code str.isspace()} is true. */
    private static final String WHITESPACE = "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680"
            + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    static String strip(String s) {
        return rstrip(lstrip(s));
    }

    static String lstrip(String s) {
        int i = 0;
        while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    static String rstrip(String s) {
        int i = s.length();
        while (i > 0 && WHITESPACE.indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        return s.substring(0, i);
    }

    /** {@code len()}: code points. */
    static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** XID_Start (or '_') then XID_Continue, approximated with Java's Unicode identifier classes. */
    static boolean isIdentifier(String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0 || !(cps[0] == '_' || Character.isUnicodeIdentifierStart(cps[0]))) {
            return false;
        }
        for (int i = 1; i < cps.length; i++) {
            if (!Character.isUnicodeIdentifierPart(cps[i]) || Character.isIdentifierIgnorable(cps[i])) {
                return false;
            }
        }
        return true;
    }
}
