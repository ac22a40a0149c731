package io.github.pypimaven.testing.pypi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an error the way Pyramid's {@code HTTPException.prepare} does on PyPI: HTML, JSON or plain text, chosen
 * from the request's Accept header among the offers text/html and application/json (plain text when neither is
 * acceptable). Warehouse puts its message in the status line ("400 &lt;message&gt;"); the JDK server cannot send a
 * custom reason phrase, so here the message only travels in the body, which is also where real clients read it.
 */
final class PyramidErrorPage {

    record Rendered(String contentType, byte[] body) {
    }

    private record Kind(String title, String explanation) {
    }

    private static final Map<Integer, Kind> KINDS = Map.ofEntries(
            Map.entry(308, new Kind("Permanent Redirect", "The resource has been moved to")),
            Map.entry(400, new Kind("Bad Request",
                    "The server could not comply with the request since it is either malformed or otherwise incorrect.")),
            Map.entry(403, new Kind("Forbidden", "Access was denied to this resource.")),
            Map.entry(404, new Kind("Not Found", "The resource could not be found.")),
            Map.entry(405, new Kind("Method Not Allowed", "The method is not allowed for this resource.")),
            Map.entry(410, new Kind("Gone", "This resource is no longer available.  No forwarding address is given.")),
            Map.entry(411, new Kind("Length Required", "Content-Length header required.")),
            Map.entry(413, new Kind("Request Entity Too Large", "The body of your request was too large for this server.")),
            Map.entry(429, new Kind("Too Many Requests",
                    "The action could not be performed because there were too many requests by the client.")),
            Map.entry(500, new Kind("Internal Server Error",
                    "The server has either erred or is incapable of performing the requested operation.")),
            Map.entry(502, new Kind("Bad Gateway", "Bad gateway.")),
            Map.entry(503, new Kind("Service Unavailable",
                    "The server is currently unavailable. Please try again at a later time.")),
            Map.entry(504, new Kind("Gateway Timeout", "The gateway has timed out.")));

    private PyramidErrorPage() {
    }

    static String title(int status) {
        Kind kind = KINDS.get(status);
        return kind == null ? "Error" : kind.title();
    }

    static Rendered render(int status, String message, String acceptHeader) {
        Kind kind = KINDS.getOrDefault(status, new Kind("Error", ""));
        // The status line (and so "code" and the HTML title) is Latin-1 only: Warehouse replaces the rest with '?'.
        String statusLine = status + " " + latin1(message);
        String type = negotiate(acceptHeader);
        return switch (type) {
            case "text/html" -> new Rendered("text/html; charset=UTF-8", utf8(
                    "<html>\n <head>\n  <title>" + statusLine + "</title>\n </head>\n <body>\n  <h1>" + statusLine
                    + "</h1>\n  " + escapeHtml(kind.explanation()) + "<br/><br/>\n" + escapeHtml(message)
                    + "\n\n </body>\n</html>"));
            case "application/json" -> new Rendered("application/json", utf8(
                    "{\"message\": " + jsonString(kind.explanation() + "\n\n\n" + message + "\n")
                    + ", \"code\": " + jsonString(statusLine) + ", \"title\": " + jsonString(kind.title()) + "}"));
            default -> new Rendered("text/plain; charset=UTF-8", utf8(
                    statusLine + "\n\n" + kind.explanation() + "\n\n\n" + message + "\n"));
        };
    }

    /**
     * WebOb's {@code acceptable_offers(['text/html', 'application/json'])}: each offer gets the q of the most specific
     * matching media range, offers with q=0 are dropped, the rest are sorted by q (ties keep the offer order). A
     * missing or unparsable header accepts everything, so HTML wins, as it does for twine.
     */
    static String negotiate(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return "text/html";
        }
        List<String[]> ranges = new ArrayList<>(); // {type, subtype, q}
        for (String item : acceptHeader.split(",")) {
            String[] parts = item.split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = range.indexOf('/');
            if (range.isEmpty()) {
                continue;
            }
            if (slash <= 0 || slash == range.length() - 1) {
                return "text/html";
            }
            String q = "1";
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    q = p.substring(2).trim();
                }
            }
            try {
                Double.parseDouble(q);
            } catch (NumberFormatException e) {
                return "text/html";
            }
            ranges.add(new String[] {range.substring(0, slash), range.substring(slash + 1), q});
        }
        double html = quality(ranges, "text", "html");
        double json = quality(ranges, "application", "json");
        if (html <= 0 && json <= 0) {
            return "text/plain";
        }
        return json > html ? "application/json" : "text/html";
    }

    private static double quality(List<String[]> ranges, String type, String subtype) {
        int bestSpecificity = -1;
        double q = 0;
        for (String[] r : ranges) {
            int specificity;
            if (r[0].equals(type) && r[1].equals(subtype)) {
                specificity = 3;
            } else if (r[0].equals(type) && r[1].equals("*")) {
                specificity = 2;
            } else if (r[0].equals("*") && r[1].equals("*")) {
                specificity = 1;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = Double.parseDouble(r[2]);
            }
        }
        return q;
    }

    private static String latin1(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.append(cp <= 0xff ? (char) cp : '?'));
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
