package io.github.pypimaven.testing.pypi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request that reached the fake upload endpoint ({@code /legacy} or {@code /legacy/}), accepted or not.
 *
 * @param headers    request headers with lower-case names; the Authorization value is replaced by {@code <redacted>}
 * @param authUser   the Basic-auth user name (e.g. {@code __token__}), or null
 * @param tokenUsed  the API token sent, for assertions only; {@link #toString()} never shows it
 * @param fields     text fields in the order received, repeats kept (values {@code UNKNOWN} already dropped)
 * @param sha256     hex sha256 of the received {@code content} part, or null when there was none
 * @param message    the error message returned to the client, or a short description of a success
 * @param started    when the server began to read the request
 * @param answered   when the server had decided the answer (just before sending it)
 * @param clientPort the client's TCP port: requests over one kept-alive connection share it
 */
public record UploadRequest(String method, String path, Map<String, String> headers, String authUser, String tokenUsed,
        List<Map.Entry<String, String>> fields, String contentFilename, String contentType, long contentLength,
        String sha256, int status, String message, Instant started, Instant answered, int clientPort) {

    /** Whether this request and the other were being handled at the same time. */
    public boolean overlaps(UploadRequest other) {
        return started.isBefore(other.answered) && other.started.isBefore(answered);
    }

    public List<String> values(String field) {
        return FormFields.values(fields, field);
    }

    /** The first value of the field, or null. */
    public String value(String field) {
        return FormFields.value(fields, field);
    }

    public boolean hasField(String field) {
        return !values(field).isEmpty();
    }

    @Override
    public String toString() {
        return "UploadRequest[" + method + " " + path + " -> " + status + " " + message
                + ", authUser=" + authUser + ", token=" + (tokenUsed == null ? "none" : "<redacted>")
                + ", fields=" + fields + ", content=" + contentFilename + " (" + contentType + ", " + contentLength
                + " bytes, sha256=" + sha256 + ")]";
    }
}
