package io.github.pypimaven.distribution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL from core metadata (Home-page, Download-URL, the URL half of a Project-URL), judged as PyPI judges it.
 *
 * <p>PyPI (Warehouse's {@code is_valid_uri}, with no authority required) hands the text to the rfc3986 library
 * (2.0.0): the reference is split with RFC 3986's appendix B expression, the path, query and fragment are
 * percent-encoded, everything is normalized, then only the scheme (http or https, any case), host, port, path and query
 * are validated. Two consequences make {@link java.net.URI} the wrong judge: the fragment is never validated (so
 * {@code https://matrix.to/#/#room:matrix.org} is accepted), and characters such as spaces are encoded rather than
 * refused. An authority the library cannot parse is dropped during normalization instead of failing, so such a URL is
 * accepted as well; the plugin then only warns, because the link cannot work.
 */
public final class MetadataUrl {

    /** What PyPI says about a URL. */
    public sealed interface Verdict {
        /** PyPI accepts the URL; {@code caution} says why it may still not work as a link. */
        record Accepted(Optional<String> caution) implements Verdict {
        }

        /** PyPI refuses the URL, for {@code reason}. */
        record Refused(String reason) implements Verdict {
        }
    }

    private static final String UNRESERVED = "A-Za-z0-9._~\\-";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String PCT = "%[A-Fa-f0-9]{2}";
    /** Python's {@code $} without MULTILINE: the end, or just before a final newline. */
    private static final String PY_END = "(?=\\n?\\z)";

    /** RFC 3986 appendix B, with the scheme restricted to its grammar; it matches any text from its start. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://([^\\\\/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?");
    private static final Pattern PERCENT_TRIPLET = Pattern.compile(PCT);
    private static final String PATH_CHARS = UNRESERVED + SUB_DELIMS + ":@/";
    private static final String QUERY_CHARS = UNRESERVED + SUB_DELIMS + ":@/?";
    /** Characters the encoder keeps as they are: unreserved and reserved (gen-delims and sub-delims). */
    private static final String KEPT_BY_ENCODER = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "._!-~" + ":/?#[]@" + SUB_DELIMS;

    private static final String IPV4 = "(?:[0-9]{1,3}\\.){3}[0-9]{1,3}";
    private static final String IPV6 = ipv6();
    private static final String ZONE_ID = "(?:[" + UNRESERVED + "]|" + PCT + ")+";
    /** What the parser accepts inside brackets: RFC 4007 zones with a bare '%' too. */
    private static final String IPV6_ANY_ZONE = IPV6 + "(?:(?:%25|%)" + ZONE_ID + ")?";
    /** What the host validator accepts: RFC 6874 zones, '%25' only. */
    private static final String IPV6_RFC6874_ZONE = IPV6 + "(?:%25" + ZONE_ID + ")?";
    private static final String IP_FUTURE = "v[0-9A-Fa-f]+\\.[" + UNRESERVED + SUB_DELIMS + ":]+";
    private static final String REG_NAME = "(?:" + PCT + "|[" + SUB_DELIMS + UNRESERVED + "])*";
    private static final String HOST = "(?:" + REG_NAME + "|" + IPV4 + "|\\[(?:" + IPV6_ANY_ZONE + "|" + IP_FUTURE
            + ")\\])";
    private static final Pattern AUTHORITY = Pattern.compile("^(?:((?:[" + UNRESERVED + SUB_DELIMS + ":]|" + PCT
            + ")+)@)?(" + HOST + "):?([0-9]{1,5})?" + PY_END);
    private static final Pattern HOST_ONLY = Pattern.compile("^" + HOST + PY_END);
    private static final Pattern IPV4_HOST = Pattern.compile("^" + IPV4 + PY_END);
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[" + IPV6_ANY_ZONE + "\\]" + PY_END);
    private static final Pattern BRACKETED_IPV6_RFC6874 = Pattern.compile("^\\[" + IPV6_RFC6874_ZONE + "\\]" + PY_END);
    private static final int MAX_PORT = 65535;

    private MetadataUrl() {
    }

    /** PyPI's verdict on {@code url}, a metadata value as the upload form sends it. */
    public static Verdict judge(String url) {
        Matcher parts = REFERENCE.matcher(url);
        parts.lookingAt(); // always matches: every group is optional
        String scheme = parts.group(1);
        String authority = parts.group(2);
        String path = withoutDotSegments(encode(parts.group(3)));
        String query = parts.group(4) == null ? null : encode(parts.group(4));

        if (scheme == null) {
            return new Verdict.Refused("has no scheme; PyPI accepts only http:// and https:// URLs");
        }
        String normalizedScheme = scheme.toLowerCase(Locale.ROOT);
        if (!normalizedScheme.equals("http") && !normalizedScheme.equals("https")) {
            return new Verdict.Refused("uses the scheme '" + scheme + "'; PyPI accepts only http and https");
        }
        Optional<Authority> parsed = Authority.parse(authority);
        String normalizedAuthority = parsed.map(Authority::normalized).orElse("");
        Optional<String> authorityProblem = authorityProblem(normalizedAuthority);
        if (authorityProblem.isPresent()) {
            return new Verdict.Refused(authorityProblem.get());
        }
        Optional<String> pathProblem = outside(path, PATH_CHARS).map(c -> "has " + c + " in its path");
        Optional<String> queryProblem = query == null ? Optional.empty()
                : outside(query, QUERY_CHARS).map(c -> "has " + c + " in its query");
        if (pathProblem.isPresent() || queryProblem.isPresent()) {
            return new Verdict.Refused(pathProblem.orElseGet(queryProblem::get) + ", which PyPI refuses there: write"
                    + " '[' as %5B and ']' as %5D");
        }
        if (authority == null || authority.isEmpty()) {
            return new Verdict.Accepted(Optional.of("has no host"));
        }
        if (parsed.isEmpty() || parsed.get().host().isEmpty()) {
            return new Verdict.Accepted(Optional.of("has '" + authority + "' where the host goes, which is not a valid"
                    + " host name (PyPI drops it when it checks the URL)"));
        }
        return new Verdict.Accepted(Optional.empty());
    }

    /**
     * Checks the normalized authority the way the validator does: it is parsed again, and the host and the port are
     * checked; an authority that was dropped during normalization is empty and passes.
     */
    private static Optional<String> authorityProblem(String normalizedAuthority) {
        if (normalizedAuthority.isEmpty()) {
            return Optional.empty();
        }
        Optional<Authority> again = Authority.parse(normalizedAuthority);
        if (again.isEmpty()) {
            return Optional.of("has a host part '" + normalizedAuthority + "' that PyPI cannot read");
        }
        String host = again.get().host();
        if (!isValidHost(host)) {
            return Optional.of("has the host '" + host + "', which is not a valid host (an IPv6 zone must be written"
                    + " '%25zone')");
        }
        Optional<String> port = again.get().port();
        if (port.isPresent() && Integer.parseInt(port.get()) > MAX_PORT) {
            return Optional.of("has the port " + port.get() + "; ports go up to " + MAX_PORT);
        }
        return Optional.empty();
    }

    private static boolean isValidHost(String host) {
        if (!HOST_ONLY.matcher(host).lookingAt()) {
            return false;
        }
        if (IPV4_HOST.matcher(host).lookingAt()) {
            return octetsInRange(host);
        }
        if (BRACKETED_IPV6.matcher(host).lookingAt()) {
            return BRACKETED_IPV6_RFC6874.matcher(host).lookingAt();
        }
        return true;
    }

    private static boolean octetsInRange(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters of {@code encoded} that are neither in {@code allowed} nor part of a percent-encoded triplet,
     * quoted, e.g. {@code '[' and ']'}; empty when there are none.
     */
    private static Optional<String> outside(String encoded, String allowed) {
        Pattern valid = Pattern.compile("(?:[" + allowed + "]|" + PCT + ")*");
        if (valid.matcher(encoded).matches()) {
            return Optional.empty();
        }
        TreeSet<String> bad = new TreeSet<>();
        String rest = PERCENT_TRIPLET.matcher(encoded).replaceAll("");
        Pattern ok = Pattern.compile("[" + allowed + "]");
        rest.codePoints().mapToObj(Character::toString).filter(c -> !ok.matcher(c).matches())
                .forEach(c -> bad.add("'" + c + "'"));
        return Optional.of(String.join(" and ", bad));
    }

    /**
     * Percent-encodes a path, query or fragment as the library does before validating: every UTF-8 byte that is not
     * an unreserved or reserved ASCII character becomes {@code %XX}. A '%' is kept only when every '%' already starts
     * a triplet; otherwise all of them are encoded too.
     */
    static String encode(String component) {
        long triplets = PERCENT_TRIPLET.matcher(component).results().count();
        byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
        long percents = 0;
        for (byte b : bytes) {
            percents += b == '%' ? 1 : 0;
        }
        boolean alreadyEncoded = triplets == percents;
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int unsigned = b & 0xff;
            if ((alreadyEncoded && b == '%') || (unsigned < 128 && KEPT_BY_ENCODER.indexOf(unsigned) >= 0)) {
                out.append((char) unsigned);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", unsigned));
            }
        }
        return out.toString();
    }

    /**
     * RFC 3986 section 5.2.4 as the library implements it: '.' segments go, '..' removes the segment before it. It
     * runs before the path is validated, so a bracket in a segment that '..' removes does not count.
     */
    static String withoutDotSegments(String path) {
        List<String> output = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (!output.isEmpty()) {
                    output.remove(output.size() - 1);
                }
            } else if (!segment.equals(".")) {
                output.add(segment);
            }
        }
        if (path.startsWith("/") && (output.isEmpty() || !output.get(0).isEmpty())) {
            output.add(0, "");
        }
        if (path.endsWith("/.") || path.endsWith("/..")) {
            output.add("");
        }
        return String.join("/", output);
    }

    /** The RFC 3986 IPv6address rule: eight 16-bit pieces, or fewer around one "::". */
    private static String ipv6() {
        String h16 = "[0-9A-Fa-f]{1,4}";
        String ls32 = "(?:" + h16 + ":" + h16 + "|" + IPV4 + ")";
        String[] forms = {
            "(?:" + h16 + ":){6}" + ls32,
            "::(?:" + h16 + ":){5}" + ls32,
            "(?:" + h16 + ")?::(?:" + h16 + ":){4}" + ls32,
            "(?:(?:" + h16 + ":)?" + h16 + ")?::(?:" + h16 + ":){3}" + ls32,
            "(?:(?:" + h16 + ":){0,2}" + h16 + ")?::(?:" + h16 + ":){2}" + ls32,
            "(?:(?:" + h16 + ":){0,3}" + h16 + ")?::" + h16 + ":" + ls32,
            "(?:(?:" + h16 + ":){0,4}" + h16 + ")?::" + ls32,
            "(?:(?:" + h16 + ":){0,5}" + h16 + ")?::" + h16,
            "(?:(?:" + h16 + ":){0,6}" + h16 + ")?::",
        };
        return "(?:" + String.join("|", forms) + ")";
    }

    /** An authority as the library splits it, {@code [userinfo@]host[:port]}. */
    private record Authority(Optional<String> userinfo, String host, Optional<String> port) {

        /** Empty when the text is absent, empty, or not an authority (the library then drops it). */
        static Optional<Authority> parse(String text) {
            if (text == null || text.isEmpty()) {
                return Optional.empty();
            }
            Matcher m = AUTHORITY.matcher(text);
            if (!m.lookingAt()) {
                return Optional.empty();
            }
            String host = m.group(2);
            if (IPV4_HOST.matcher(host).lookingAt() && !octetsInRange(host)) {
                return Optional.empty();
            }
            return Optional.of(new Authority(Optional.ofNullable(m.group(1)), host, Optional.ofNullable(m.group(3))));
        }

        /** Userinfo with upper-case percent triplets, the host in lower case, the port as written. */
        String normalized() {
            StringBuilder out = new StringBuilder();
            userinfo.filter(u -> !u.isEmpty()).ifPresent(u -> out.append(upperCaseTriplets(u)).append('@'));
            if (!host.isEmpty()) {
                out.append(normalizedHost());
            }
            port.filter(p -> !p.isEmpty()).ifPresent(p -> out.append(':').append(p));
            return out.toString();
        }

        /** Lower case; an IPv6 zone keeps its case, and a bare '%' before it becomes '%25'. */
        private String normalizedHost() {
            if (!BRACKETED_IPV6.matcher(host).lookingAt()) {
                return host.toLowerCase(Locale.ROOT);
            }
            int percent = host.indexOf('%');
            if (percent < 0) {
                return host.toLowerCase(Locale.ROOT);
            }
            int percent25 = host.indexOf("%25");
            String h = host;
            if (percent25 < 0 || percent < percent25 || (percent == percent25 && percent25 == host.length() - 4)) {
                h = host.replaceFirst("%", "%25");
            }
            return h.substring(0, percent).toLowerCase(Locale.ROOT) + h.substring(percent);
        }

        private static String upperCaseTriplets(String text) {
            return PERCENT_TRIPLET.matcher(text).replaceAll(r -> r.group().toUpperCase(Locale.ROOT));
        }
    }
}
