package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptionContentTypeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "README.md, MARKDOWN",
        "docs/README.MD, MARKDOWN",
        "README.rst, RST",
        "README.txt, PLAIN",
        "README, none",
        "README.html, none",
    })
    void readmeTypeByExtension(String filename, DescriptionContentType expected) {
        assertEquals(Optional.ofNullable(expected), DescriptionContentType.forFilename(filename));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "text/markdown                      | MARKDOWN | none",
        "Text/Markdown; charset=UTF-8       | MARKDOWN | none",
        "text/markdown; variant=CommonMark  | MARKDOWN | none",
        "text/markdown; variant=\"GFM\"     | MARKDOWN | none",
        "text/markdown; variant=Original    | MARKDOWN | declares the Markdown variant 'Original'; PyPI accepts GFM or CommonMark, written exactly so",
        "text/markdown; variant=gfm         | MARKDOWN | declares the Markdown variant 'gfm'; PyPI accepts GFM or CommonMark, written exactly so",
        "text/markdown; VARIANT=CommonMark  | MARKDOWN | none",
        "text/markdown; charset=utf-8       | MARKDOWN | declares charset 'utf-8'; PyPI accepts only 'UTF-8', written in capitals: drop the charset parameter or write charset=UTF-8",
        "text/markdown; charset=            | MARKDOWN | none",
        "text/markdown; charset             | MARKDOWN | declares charset ''; PyPI accepts only 'UTF-8', written in capitals: drop the charset parameter or write charset=UTF-8",
        "text/x-rst; charset=UTF-8; charset=latin-1 | RST | none",
        "text/x-rst                         | RST      | none",
        "text/plain; charset=latin-1        | PLAIN    | declares charset 'latin-1'; PyPI accepts only 'UTF-8', written in capitals: drop the charset parameter or write charset=UTF-8",
        "text/html                          | none     | is not one PyPI accepts: use text/markdown, text/x-rst or text/plain",
    })
    void declaredValues(String value, DescriptionContentType type, String problem) {
        assertEquals(Optional.ofNullable(type), DescriptionContentType.forValue(value));
        assertEquals(Optional.ofNullable(problem), DescriptionContentType.problem(value));
    }
}
