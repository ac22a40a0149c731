package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataUrlTest {

    /**
     * Verdicts taken from rfc3986 2.0.0 (the version Warehouse pins) through Warehouse's {@code is_valid_uri(url,
     * require_authority=False)}: the fragment is not validated, characters such as spaces are encoded rather than
     * refused, an unreadable host is dropped, brackets outside the host and ports above 65535 are refused.
     */
    static Stream<String[]> verdictsOfWarehouse() {
        return """
            accept | https://matrix.to/#/#aio-libs:matrix.org
            accept | https://example.org
            accept | HTTPS://Example.ORG/Path
            accept | http://example.org:8080/a?b=c#d
            accept | https://example.org/#
            accept | https://example.org/a#b#c
            accept | https://example.org/a b
            accept | https://example.org/?q=a b
            accept | https://example.org/#frag ment
            accept | https://exa mple.org/
            refuse | https://example.org/a[1]
            refuse | https://example.org/?a[]=1
            accept | https://example.org/[x]/..
            refuse | https://example.org/a/../[x]
            accept | https://example.org/#a[1]
            accept | https://[::1]/
            accept | https://[fe80::1%25eth0]/
            accept | https://[fe80::1%eth0]/
            accept | https://[1::2::3]/
            accept | https://999.1.1.1/
            accept | https://example.org:65535/
            refuse | https://example.org:65536/
            accept | https://user:pass@example.org/
            accept | https://example.org/%zz
            accept | https://example.org/%41%zz
            accept | https://example.org/café
            accept | https://exämple.org/
            accept | https:
            accept | https:example.org
            accept | https:///path
            refuse | //example.org/
            refuse | example.org
            refuse | ftp://example.org/
            refuse | file:///etc/passwd
            refuse | mailto:a@example.org
            refuse | javascript:alert(1)
            refuse | git+https://github.com/a/b
            refuse | not a url
            accept | https://example.org\\path
            accept | https://example.org/a|b
            accept | https://example.org/{x}
            """.lines().filter(l -> !l.isBlank()).map(l -> l.strip().split(" \\| ", 2));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void verdictsOfWarehouse(String verdict, String url) {
        MetadataUrl.Verdict v = MetadataUrl.judge(url);
        assertEquals(verdict, v instanceof MetadataUrl.Verdict.Accepted ? "accept" : "refuse", v.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.org/a[1]     | has '[' and ']' in its path, which PyPI refuses there: write '[' as %5B and ']' as %5D",
        "https://example.org/?a[]=1   | has '[' and ']' in its query, which PyPI refuses there: write '[' as %5B and ']' as %5D",
        "https://example.org:65536/   | has the port 65536; ports go up to 65535",
        "ftp://example.org/           | uses the scheme 'ftp'; PyPI accepts only http and https",
        "example.org                  | has no scheme; PyPI accepts only http:// and https:// URLs",
    })
    void refusalsSayWhy(String url, String reason) {
        assertEquals(new MetadataUrl.Verdict.Refused(reason), MetadataUrl.judge(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://exa mple.org/  | has 'exa mple.org' where the host goes, which is not a valid host name (PyPI drops it when it checks the URL)",
        "https://999.1.1.1/     | has '999.1.1.1' where the host goes, which is not a valid host name (PyPI drops it when it checks the URL)",
        "https:example.org      | has no host",
    })
    void acceptedButBrokenLinksCarryACaution(String url, String caution) {
        MetadataUrl.Verdict v = MetadataUrl.judge(url);
        assertInstanceOf(MetadataUrl.Verdict.Accepted.class, v);
        assertEquals(Optional.of(caution), ((MetadataUrl.Verdict.Accepted) v).caution());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/a b/c        | /a%20b/c",
        "%41%zz      | %2541%25zz",
        "%41          | %41",
        "é             | %C3%A9",
        "a#[]@!$&'()*+,;=:/? | a#[]@!$&'()*+,;=:/?",
    })
    void encodesAsTheLibraryDoes(String component, String encoded) {
        assertEquals(encoded, MetadataUrl.encode(component));
    }
}
