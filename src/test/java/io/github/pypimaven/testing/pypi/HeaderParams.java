package io.github.pypimaven.testing.pypi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parameters of a header value such as {@code form-data; name="content"; filename="a.whl"} (names lower-cased). */
final class HeaderParams {

    private HeaderParams() {
    }

    static Map<String, String> parse(String headerValue) {
        Map<String, String> params = new HashMap<>();
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            i++; // skip ';'
            int eq = headerValue.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = headerValue.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < headerValue.length() && headerValue.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < headerValue.length() && headerValue.charAt(j) == '"') {
                j++;
                while (j < headerValue.length() && headerValue.charAt(j) != '"') {
                    char c = headerValue.charAt(j);
                    if (c == '\\' && j + 1 < headerValue.length()) {
                        c = headerValue.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                j = headerValue.indexOf(';', j);
            } else {
                int semi = headerValue.indexOf(';', j);
                value.append(headerValue, j, semi < 0 ? headerValue.length() : semi);
                j = semi;
                params.putIfAbsent(key, value.toString().trim());
                i = j;
                continue;
            }
            params.putIfAbsent(key, value.toString());
            i = j;
        }
        return params;
    }
}
