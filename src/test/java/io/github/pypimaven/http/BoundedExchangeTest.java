package io.github.pypimaven.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.Flood;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The cap is exact, counted after decompression, and its message names the URL and the cap. */
class BoundedExchangeTest {

    private static final AnswerCap CAP = new AnswerCap(96 * 1024, false);

    @AutoClose
    private final CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults());

    @Test
    void readsAnAnswerOfExactlyTheCap() throws Exception {
        for (Flood flood : new Flood[] {Flood.of(CAP.bytes(), 200, "text/plain"), Flood.gzipped(CAP.bytes(), 200, "text/plain")}) {
            try (flood) {
                HttpAnswer answer = BoundedExchange.send(http, new HttpGet(flood.serve().url("/page")), CAP);
                assertEquals(CAP.bytes(), answer.body().length());
                assertEquals("text/plain", answer.header("content-type").orElseThrow());
            }
        }
    }

    @Test
    void refusesOneByteMoreNamingTheUrlAndTheCap() throws Exception {
        try (Flood flood = Flood.gzipped(CAP.bytes() + 1, 200, "text/plain").serve()) {
            String url = flood.url("/page?x=1");
            AnswerTooLargeException e = assertThrows(AnswerTooLargeException.class,
                    () -> BoundedExchange.send(http, new HttpGet(url), CAP));
            assertTrue(e.getMessage().startsWith("the answer to GET " + url + " is larger than 96 KiB"), e.getMessage());
        }
    }

    @Test
    void aTruncatingCapKeepsTheBeginning() throws Exception {
        try (Flood flood = Flood.of(10L << 20, 500, "text/html").serve()) {
            HttpAnswer answer = BoundedExchange.send(http, new HttpGet(flood.url("/")), AnswerCap.UPLOAD_ANSWER);
            assertEquals(500, answer.status());
            assertEquals(64 * 1024, answer.body().length());
            assertTrue(flood.written() < flood.size(), flood.written() + " of " + flood.size() + " bytes written");
        }
    }

    @Test
    void namesCapsInBinaryUnits() {
        assertEquals("1 MiB", AnswerCap.JSON.describe());
        assertEquals("16 MiB", AnswerCap.INDEX_PAGE.describe());
        assertEquals("64 KiB", AnswerCap.UPLOAD_ANSWER.describe());
        assertEquals("1000 bytes", new AnswerCap(1000, false).describe());
    }
}
