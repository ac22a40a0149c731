package io.github.pypimaven.http;

/**
 * The most of an answer the plugin reads, counted after decompression, and what happens past it.
 *
 * @param bytes the cap
 * @param truncate read up to the cap and ignore the rest (an error page, only ever quoted in a message); otherwise
 *     the answer is refused with {@link AnswerTooLargeException}
 */
public record AnswerCap(int bytes, boolean truncate) {

    /** Audience, mint-token, GitHub's token service, Google's metadata server and IAM: a few KiB each. */
    public static final AnswerCap JSON = new AnswerCap(1 << 20, false);
    /** A project's page of an index's simple API (JSON or HTML): projects with thousands of files reach a few MiB. */
    public static final AnswerCap INDEX_PAGE = new AnswerCap(16 << 20, false);
    /** An upload's answer: read for its message only. */
    public static final AnswerCap UPLOAD_ANSWER = new AnswerCap(64 << 10, true);

    /** {@code 1 MiB}, {@code 64 KiB}: how messages name the cap. */
    public String describe() {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
