package io.github.pypimaven.http;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A complete answer, read within its {@link AnswerCap}. The body may hold a secret (a minted token): it is never
 * printed by {@link #toString()}.
 *
 * @param headers the first value of each header, by case-insensitive name
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    public HttpAnswer {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = Collections.unmodifiableMap(byName);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HttpAnswer[status=" + status + ", body=<" + body.length() + " chars>]";
    }
}
