package io.github.pypimaven.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pypimaven.ci.ForeignText;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human-readable message inside an index's error response.
 *
 * <p>PyPI (Pyramid) answers in the format the client asked for: JSON {@code {"code": "400 <message>", "message": ...}},
 * an HTML page whose title is {@code "400 <message>"}, or plain text. Other indexes answer with anything.
 */
public final class ServerMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern H1 = Pattern.compile("<h1>(.*?)</h1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final int MAX_LENGTH = 600;

    private ServerMessage() {}

    /**
     * @param status the HTTP status, stripped from the front of PyPI's {@code code} ("400 File already exists")
     * @param contentType the response Content-Type, may be null
     * @param body the response body (already cut to a sane size by the caller)
     */
    public static String extract(int status, String contentType, String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String message;
        if (type.contains("json") || body.stripLeading().startsWith("{")) {
            message = fromJson(body);
        } else if (type.contains("html") || body.stripLeading().startsWith("<")) {
            message = fromHtml(body);
        } else {
            message = fromText(body);
        }
        // Foreign text: one line, no credentials (an index may echo the Authorization header), no workflow command.
        return ForeignText.line(stripStatus(status, message.strip()), MAX_LENGTH, List.of());
    }

    private static String fromJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"code", "detail", "title", "error"}) {
                // "code" holds PyPI's one-line message; RFC 9457 problem+json uses "detail"
                JsonNode value = node.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank() && !field.equals("title")) {
                    return value.asText();
                }
            }
            JsonNode errors = node.get("errors"); // Artifactory: {"errors": [{"status": 403, "message": ...}]}
            if (errors != null && errors.isArray() && errors.size() > 0 && errors.get(0).has("message")) {
                node = errors.get(0);
            }
            JsonNode message = node.get("message");
            if (message != null && message.isTextual()) {
                return lastNonEmptyLine(message.asText());
            }
            JsonNode title = node.get("title");
            return title != null && title.isTextual() ? title.asText() : body;
        } catch (Exception notJson) {
            return fromText(body);
        }
    }

    private static String fromHtml(String body) {
        Matcher title = TITLE.matcher(body);
        if (title.find() && !title.group(1).isBlank()) {
            return unescape(title.group(1));
        }
        Matcher h1 = H1.matcher(body);
        if (h1.find()) {
            return unescape(TAG.matcher(h1.group(1)).replaceAll(""));
        }
        return unescape(TAG.matcher(body).replaceAll(" ")).replaceAll("\\s+", " ");
    }

    /** Pyramid's text form is "status line, blank line, explanation, blank line, detail": the detail is last. */
    private static String fromText(String body) {
        return lastNonEmptyLine(body);
    }

    private static String lastNonEmptyLine(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i];
            }
        }
        return text;
    }

    private static String stripStatus(int status, String message) {
        String prefix = status + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&").strip();
    }

}
