package io.github.pypimaven.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <a href="...">text</a>} links of a PEP 503 page, found in one forward pass: every character is looked at
 * a bounded number of times, so an index's page (up to the size the client reads) is parsed in linear time whatever
 * it holds. A regular expression over the page backtracks on unclosed tags; this scanner, like an HTML tokenizer,
 * never goes back: a tag, quoted value or comment left open swallows the rest of the page.
 *
 * <p>Only what the simple API uses is understood: {@code a} start tags with quoted or unquoted attributes, their text
 * up to the next tag, comments, and character references in values and text.
 */
final class HtmlAnchors {

    /** One link: its href and its text, character references decoded. */
    record Anchor(String href, String text) {
    }

    /** Where a start tag ends (after its '>') and the href it had, if any. */
    private record StartTag(int end, String href) {
    }

    private final String html;
    private final int length;

    private HtmlAnchors(String html) {
        this.html = html;
        this.length = html.length();
    }

    /** The page's links that have an href and are closed by {@code </a>}, in page order. */
    static List<Anchor> parse(String html) {
        return new HtmlAnchors(html).anchors();
    }

    private List<Anchor> anchors() {
        List<Anchor> anchors = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = html.indexOf('<', at);
            if (open < 0) {
                return anchors;
            }
            if (html.startsWith("<!--", open)) {
                int close = html.indexOf("-->", open + 4);
                if (close < 0) {
                    return anchors;
                }
                at = close + 3;
                continue;
            }
            if (!isTag(open, "a")) {
                at = open + 1;
                continue;
            }
            StartTag tag = startTag(open + 2);
            if (tag == null) {
                return anchors; // an open tag or quote: the rest of the page is inside it
            }
            int textEnd = html.indexOf('<', tag.end);
            if (textEnd < 0) {
                return anchors;
            }
            if (tag.href != null && isTag(textEnd, "/a")) {
                anchors.add(new Anchor(decode(tag.href), decode(html.substring(tag.end, textEnd))));
            }
            at = textEnd; // the '<' is looked at again, as the start of the next tag
        }
    }

    /** Whether a tag named {@code name} (ASCII, any case) starts at {@code open}: '<', the name, then a delimiter. */
    private boolean isTag(int open, String name) {
        int after = open + 1 + name.length();
        return after < length && html.regionMatches(true, open + 1, name, 0, name.length())
                && (isSpace(html.charAt(after)) || html.charAt(after) == '>' || html.charAt(after) == '/');
    }

    /** Reads the attributes from {@code at} to the tag's '>'; null when the page ends first. */
    private StartTag startTag(int at) {
        String href = null;
        int p = at;
        while (p < length) {
            char c = html.charAt(p);
            if (c == '>') {
                return new StartTag(p + 1, href);
            }
            if (isSpace(c) || c == '/') {
                p++;
                continue;
            }
            int nameStart = p;
            while (p < length && !isSpace(html.charAt(p)) && "=>/".indexOf(html.charAt(p)) < 0) {
                p++;
            }
            String name = html.substring(nameStart, p);
            p = skipSpaces(p);
            String value = "";
            if (p < length && html.charAt(p) == '=') {
                p = skipSpaces(p + 1);
                if (p >= length) {
                    return null;
                }
                char quote = html.charAt(p);
                if (quote == '"' || quote == '\'') {
                    int close = html.indexOf(quote, p + 1);
                    if (close < 0) {
                        return null;
                    }
                    value = html.substring(p + 1, close);
                    p = close + 1;
                } else {
                    int start = p;
                    while (p < length && !isSpace(html.charAt(p)) && html.charAt(p) != '>') {
                        p++;
                    }
                    value = html.substring(start, p);
                }
            }
            if (href == null && name.equalsIgnoreCase("href")) {
                href = value; // HTML keeps the first of repeated attributes
            }
        }
        return null;
    }

    private int skipSpaces(int at) {
        int p = at;
        while (p < length && isSpace(html.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Decodes {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;}, {@code &apos;} and numeric references. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? semicolonNear(text, i) : -1;
            if (semicolon > 0) {
                String decoded = reference(text.substring(i + 1, semicolon));
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The ';' ending a reference that starts at {@code amp}, or -1: references are short, so few are looked at. */
    private static int semicolonNear(String text, int amp) {
        for (int j = amp + 1; j < text.length() && j <= amp + 10; j++) {
            if (text.charAt(j) == ';') {
                return j;
            }
        }
        return -1;
    }

    private static String reference(String name) {
        String named = switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> null;
        };
        if (named != null) {
            return named;
        }
        boolean hex = name.startsWith("#x") || name.startsWith("#X");
        String digits = hex ? name.substring(2) : name.startsWith("#") ? name.substring(1) : "";
        int radix = hex ? 16 : 10;
        if (digits.isEmpty() || !digits.chars().allMatch(d -> Character.digit(d, radix) >= 0)) {
            return null;
        }
        int codePoint = Integer.parseInt(digits, radix); // at most 8 digits: fits
        return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : null;
    }
}
