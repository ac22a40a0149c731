package io.github.pypimaven.testing.pypi;

import java.util.List;
import java.util.Map;

/**
 * A parsed multipart/form-data body.
 *
 * @param fields      text parts in order, repeats kept
 * @param fileFields  names of parts other than {@code content} that were sent as files (with {@code filename=})
 * @param content     the {@code content} file part, or null when absent
 */
record ParsedForm(List<Map.Entry<String, String>> fields, List<String> fileFields, ReceivedFile content) {
}
