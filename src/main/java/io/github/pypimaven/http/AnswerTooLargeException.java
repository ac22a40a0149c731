package io.github.pypimaven.http;

import java.io.IOException;

/** An answer longer than its {@link AnswerCap}: the plugin stopped reading it. The message names the URL and the cap. */
public final class AnswerTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    AnswerTooLargeException(String request, AnswerCap cap) {
        super("the answer to " + request + " is larger than " + cap.describe() + " (after decompression), far more than"
                + " this request ever needs, so the plugin stopped reading it. Check that the URL names the intended"
                + " server: a proxy, portal or misconfigured server may be answering in its place");
    }
}
