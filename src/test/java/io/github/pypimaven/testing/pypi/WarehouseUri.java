package io.github.pypimaven.testing.pypi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warehouse's {@code is_valid_uri(url, require_authority=False)} over rfc3986 2.0.0, in the library's steps:
 * {@code uri_reference} (split, then percent-encode path, query and fragment), {@code normalize()} (lower-case scheme
 * and host, re-assembled authority, or none when it cannot be split), then a {@code Validator} that requires a scheme
 * among http/https and checks host, port, path and query, but not the fragment.
 *
 * <p>Written for the fake PyPI from the library's behaviour, apart from the plugin's validator: the authority and IPv6
 * grammars are parsed by hand here, where the plugin uses regular expressions.
 */
final class WarehouseUri {

    private static final Pattern SPLIT = Pattern.compile(
            "^(?:(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):)?(?://(?<authority>[^\\\\/?#]*))?(?<path>[^?#]*)"
            + "(?:\\?(?<query>[^#]*))?(?:#(?<fragment>.*))?");
    private static final String ALPHA_DIGIT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String UNRESERVED = ALPHA_DIGIT + "-._~";
    static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String GEN_DELIMS = ":/?#[]@";
    /** The library's "unreserved" set wrongly has '!' too, which changes nothing: '!' is a sub-delim anyway. */
    private static final String NOT_ENCODED = ALPHA_DIGIT + "._!-~" + GEN_DELIMS + SUB_DELIMS;

    private WarehouseUri() {
    }

    /** The verdict of PyPI on a Home-page, Download-URL or Project-URL value. */
    static boolean isValid(String url) {
        Matcher m = SPLIT.matcher(url);
        if (!m.lookingAt()) {
            return false; // cannot happen: every part is optional
        }
        String scheme = m.group("scheme");
        String authority = m.group("authority");
        String path = removeDotSegments(encodeComponent(m.group("path")));
        String query = m.group("query") == null ? null : encodeComponent(m.group("query"));

        // normalize()
        String normalizedScheme = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        Authority parts = authority == null || authority.isEmpty() ? null : Authority.split(authority);
        String normalizedAuthority = parts == null ? "" : parts.normalized();

        // Validator().allow_schemes("http", "https").require_presence_of("scheme")
        //     .check_validity_of("scheme", "host", "port", "path", "query")
        if (normalizedScheme == null || normalizedScheme.isEmpty()) {
            return false;
        }
        if (!normalizedAuthority.isEmpty()) {
            Authority again = Authority.split(normalizedAuthority);
            if (again == null || !again.hostIsValid() || !again.portIsValid()) {
                return false;
            }
        }
        if (!onlyAllowed(path, UNRESERVED + SUB_DELIMS + ":@/")) {
            return false;
        }
        if (query != null && !onlyAllowed(query, UNRESERVED + SUB_DELIMS + ":@/?")) {
            return false;
        }
        return normalizedScheme.equals("http") || normalizedScheme.equals("https");
    }

    /** {@code encode_component}: every UTF-8 byte outside the reserved and unreserved ASCII sets becomes %XX. */
    static String encodeComponent(String component) {
        byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
        int percents = 0;
        for (byte b : bytes) {
            if (b == '%') {
                percents++;
            }
        }
        int triplets = 0;
        for (int i = 0; i + 2 < component.length(); ) {
            if (component.charAt(i) == '%' && isHex(component.charAt(i + 1)) && isHex(component.charAt(i + 2))) {
                triplets++;
                i += 3;
            } else {
                i++;
            }
        }
        boolean keepPercents = percents == triplets;
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v == '%' ? keepPercents : v < 0x80 && NOT_ENCODED.indexOf(v) >= 0) {
                out.append((char) v);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** {@code remove_dot_segments}, which {@code normalize_path} applies before the path is validated. */
    static String removeDotSegments(String s) {
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        for (String segment : s.split("/", -1)) {
            switch (segment) {
                case "." -> {
                }
                case ".." -> out.pollLast();
                default -> out.addLast(segment);
            }
        }
        if (s.startsWith("/") && (out.isEmpty() || !out.peekFirst().isEmpty())) {
            out.addFirst("");
        }
        if (s.endsWith("/.") || s.endsWith("/..")) {
            out.addLast("");
        }
        return String.join("/", out);
    }

    /** Every character in {@code allowed}, or a '%' followed by two hex digits. */
    private static boolean onlyAllowed(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (allowed.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Not empty, and made of {@code chars} and percent triplets. */
    static boolean nonEmptyOf(String s, String chars) {
        return !s.isEmpty() && onlyAllowed(s, chars);
    }

    /** {@code [userinfo@]host[:port]}, as {@code authority_info()} splits it. */
    private record Authority(String userinfo, String host, String port) {

        /** Null when the authority does not parse (the library then drops it while normalizing). */
        static Authority split(String text) {
            String rest = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text; // Python's '$'
            String userinfo = null;
            int at = rest.indexOf('@');
            if (at >= 0) {
                userinfo = rest.substring(0, at);
                if (!nonEmptyOf(userinfo, UNRESERVED + SUB_DELIMS + ":")) {
                    return null;
                }
                rest = rest.substring(at + 1);
            }
            String host;
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0 || !IpLiteral.isValid(rest.substring(1, close), false)) {
                    return null;
                }
                host = rest.substring(0, close + 1);
            } else {
                int end = 0;
                while (end < rest.length()) {
                    char c = rest.charAt(end);
                    boolean triplet = c == '%' && end + 2 < rest.length() && isHex(rest.charAt(end + 1))
                            && isHex(rest.charAt(end + 2));
                    if (triplet) {
                        end += 3;
                    } else if ((UNRESERVED + SUB_DELIMS).indexOf(c) >= 0) {
                        end++;
                    } else {
                        break;
                    }
                }
                host = rest.substring(0, end);
            }
            String tail = rest.substring(host.length());
            if (tail.startsWith(":")) {
                tail = tail.substring(1);
            }
            if (tail.length() > 5 || !tail.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            Authority a = new Authority(userinfo, host, tail.isEmpty() ? null : tail);
            return a.isDottedQuad() && !a.octetsFit() ? null : a;
        }

        boolean isDottedQuad() {
            String[] octets = host.split("\\.", -1);
            if (octets.length != 4) {
                return false;
            }
            for (String o : octets) {
                if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return false;
                }
            }
            return true;
        }

        boolean octetsFit() {
            for (String o : host.split("\\.")) {
                if (Integer.parseInt(o) > 255) {
                    return false;
                }
            }
            return true;
        }

        String normalized() {
            StringBuilder s = new StringBuilder();
            if (userinfo != null && !userinfo.isEmpty()) {
                s.append(upperTriplets(userinfo)).append('@');
            }
            if (!host.isEmpty()) {
                s.append(normalizeHost(host));
            }
            if (port != null) {
                s.append(':').append(port);
            }
            return s.toString();
        }

        /** {@code normalize_host}: lower case, except an IPv6 zone, whose bare '%' becomes '%25'. */
        private static String normalizeHost(String host) {
            boolean ipv6 = host.startsWith("[") && host.endsWith("]")
                    && IpLiteral.isValid(host.substring(1, host.length() - 1), false)
                    && !host.substring(1, host.length() - 1).startsWith("v");
            int percent = host.indexOf('%');
            if (!ipv6 || percent == -1) {
                return host.toLowerCase(Locale.ROOT);
            }
            int percent25 = host.indexOf("%25");
            String h = host;
            if (percent25 == -1 || percent < percent25 || percent == percent25 && percent25 == host.length() - 4) {
                h = host.substring(0, percent) + "%25" + host.substring(percent + 1);
            }
            return h.substring(0, percent).toLowerCase(Locale.ROOT) + h.substring(percent);
        }

        private static String upperTriplets(String s) {
            StringBuilder out = new StringBuilder(s);
            for (int i = 0; i + 2 < out.length(); i++) {
                if (out.charAt(i) == '%' && isHex(out.charAt(i + 1)) && isHex(out.charAt(i + 2))) {
                    out.setCharAt(i + 1, Character.toUpperCase(out.charAt(i + 1)));
                    out.setCharAt(i + 2, Character.toUpperCase(out.charAt(i + 2)));
                    i += 2;
                }
            }
            return out.toString();
        }

        /** {@code host_is_valid}: bracketed IPv6 hosts must use RFC 6874 zones ('%25'); the rest passed the split. */
        boolean hostIsValid() {
            if (host.startsWith("[") && !host.startsWith("[v")) {
                return IpLiteral.isValid(host.substring(1, host.length() - 1), true);
            }
            return true;
        }

        boolean portIsValid() {
            return port == null || Integer.parseInt(port) <= 65535;
        }
    }
}
