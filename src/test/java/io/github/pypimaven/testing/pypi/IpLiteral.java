package io.github.pypimaven.testing.pypi;

/**
 * RFC 3986's IP-literal (the text between a host's brackets) as rfc3986 2.0.0 accepts it: an IPv6 address with an
 * optional zone, or an IPvFuture literal. Parsed by hand, for {@link WarehouseUri}.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** An IPv6 address with an optional zone, or an IPvFuture literal (the text between the brackets). */
    static boolean isValid(String text, boolean rfc6874Zone) {
        if (text.startsWith("v")) { // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            int dot = text.indexOf('.');
            String rest = dot < 0 ? "" : text.substring(dot + 1);
            String allowed = WarehouseUri.UNRESERVED + WarehouseUri.SUB_DELIMS + ":";
            return dot > 1 && text.substring(1, dot).chars().allMatch(c -> WarehouseUri.isHex((char) c))
                    && !rest.isEmpty() && rest.chars().allMatch(c -> allowed.indexOf(c) >= 0);
        }
        int percent = text.indexOf('%');
        String address = percent < 0 ? text : text.substring(0, percent);
        if (!isIpv6(address)) {
            return false;
        }
        if (percent < 0) {
            return true;
        }
        String zone = text.substring(percent + 1);
        if (rfc6874Zone) {
            if (!zone.startsWith("25")) {
                return false;
            }
            zone = zone.substring(2);
        }
        return WarehouseUri.nonEmptyOf(zone, WarehouseUri.UNRESERVED);
    }

    /** RFC 3986's IPv6address: 8 pieces, or at most 7 around one "::"; a dotted quad may stand for the last two. */
    private static boolean isIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return pieces(s, true) == 8;
        }
        String left = s.substring(0, gap);
        String right = s.substring(gap + 2);
        int l = left.isEmpty() ? 0 : pieces(left, false);
        int r = right.isEmpty() ? 0 : pieces(right, true);
        return l >= 0 && r >= 0 && l + r <= 7;
    }

    /** The number of 16-bit pieces in {@code a:b:c}, a final dotted quad counting two; -1 when malformed. */
    private static int pieces(String s, boolean quadAllowedAtEnd) {
        String[] parts = s.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && quadAllowedAtEnd && p.contains(".")) {
                if (!p.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
                    return -1;
                }
                count += 2;
            } else if (p.length() >= 1 && p.length() <= 4 && p.chars().allMatch(c -> WarehouseUri.isHex((char) c))) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }
}
