package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerMessageTest {

    @Test
    void takesPyPIsCodeFromJson() {
        String body = "{\"message\": \"The server could not comply with the request since it is either malformed or otherwise"
                + " incorrect.\\n\\n\\nFile already exists ('a-1.0.tar.gz', with blake2_256 hash 'ab').\\n\\n\","
                + " \"code\": \"400 File already exists ('a-1.0.tar.gz', with blake2_256 hash 'ab').\", \"title\": \"Bad Request\"}";
        assertEquals("File already exists ('a-1.0.tar.gz', with blake2_256 hash 'ab').",
                ServerMessage.extract(400, "application/json", body));
    }

    @Test
    void takesTheLastLineOfMessageWhenThereIsNoCode() {
        assertEquals("Token request failed", ServerMessage.extract(422, "application/json", "{\"message\": \"Token request failed\"}"));
    }

    @Test
    void takesRfc9457Detail() {
        assertEquals("quota exceeded", ServerMessage.extract(429, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"detail\":\"quota exceeded\"}"));
    }

    @Test
    void takesTheHtmlTitle() {
        String body = "<html>\n <head>\n  <title>403 Invalid or non-existent authentication information. See"
                + " https://pypi.org/help/#invalid-auth for more information.</title>\n </head>\n <body><h1>403 x</h1></body></html>";
        assertEquals("Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more"
                + " information.", ServerMessage.extract(403, "text/html; charset=UTF-8", body));
    }

    @Test
    void unescapesHtml() {
        assertEquals("Filename 'a' isn't <valid> & so on", ServerMessage.extract(400, "text/html",
                "<html><head><title>400 Filename &#39;a&#39; isn&#x27;t &lt;valid&gt; &amp; so on</title></head></html>"));
    }

    @Test
    void takesTheDetailFromPlainText() {
        assertEquals("Invalid value for blake2_256_digest.", ServerMessage.extract(400, "text/plain",
                "400 Bad Request\n\nThe server could not comply.\n\nInvalid value for blake2_256_digest.\n"));
    }

    @Test
    void handlesBrokenJsonAndEmptyBodies() {
        assertEquals("{oops", ServerMessage.extract(502, "application/json", "{oops"));
        assertEquals("", ServerMessage.extract(502, "text/html", ""));
        assertEquals("", ServerMessage.extract(502, null, null));
    }

    @Test
    void cutsHugeBodies() {
        String message = ServerMessage.extract(500, "text/plain", "x".repeat(10_000));
        assertTrue(message.length() < 700);
        assertTrue(message.endsWith("..."));
    }
}
