package io.github.pypimaven.testing;

/** The code blocks of README.md that ITs run as written, each found after an HTML comment that marks it. */
public final class ReadmeBlocks {

    private ReadmeBlocks() {}

    /** The text of the first fenced code block after {@code marker}, without its fences. */
    public static String after(String readme, String marker) {
        int at = readme.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("README.md has no " + marker);
        }
        int open = readme.indexOf("```", at);
        int start = readme.indexOf('\n', open) + 1;
        int end = readme.indexOf("```", start);
        if (open < 0 || end < 0) {
            throw new AssertionError("README.md has no code block after " + marker);
        }
        return readme.substring(start, end);
    }
}
