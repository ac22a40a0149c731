package io.github.pypimaven.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForeignTextTest {

    private static final String TOKEN = "s3cr3t-index-password";

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "pair", "basic", "base64"})
    void removesAKnownSecretInEveryFormItTravelsIn(String form) {
        String echoed = switch (form) {
            case "raw" -> TOKEN;
            case "pair" -> "__token__:" + TOKEN;
            case "basic" -> base64("__token__:" + TOKEN);
            default -> base64(TOKEN);
        };
        String line = ForeignText.line("403 Forbidden: you sent " + echoed + ", go away", TOKEN);
        assertFalse(line.contains(TOKEN), line);
        assertFalse(line.contains(echoed), line);
        assertTrue(line.contains(ForeignText.REDACTED), line);
    }

    @Test
    void removesAnythingThatLooksLikeATokenEvenWhenUnknown() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJlLWJ5dGVz";
        String pypi = "pypi-AgEIcHlwaS5vcmcCJGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6";
        String line = ForeignText.line("token " + jwt + " and " + pypi + "; Authorization: Basic "
                + base64("user:hunter22") + "; \"authorization\": \"Bearer plainletterstoken\"; sent Bearer ya29.a0AfH6SMB");
        assertFalse(line.contains(jwt), line);
        assertFalse(line.contains(pypi), line);
        assertFalse(line.contains(base64("user:hunter22")), line);
        assertFalse(line.contains("plainletterstoken"), line);
        assertFalse(line.contains("ya29.a0AfH6SMB"), line);
        assertTrue(line.contains("Authorization: <redacted>") && line.contains("Bearer <redacted>"), line);
    }

    @Test
    void ordinaryWordsAfterBasicOrTokenStay() {
        String text = "the token exchange failed; Basic authentication is not supported; Bearer tokens expired";
        assertEquals(text, ForeignText.line(text));
    }

    @Test
    void flattensEveryKindOfLineBreakAndControlCharacter() {
        String line = ForeignText.line("a\r\nb\nc\u2028d\u0085e\u000bf\u0000g\u202eh\tI");
        assertEquals("a b c d e f g h I", line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::warning::pwned", "  ::error title=x::y", "##[group]pwned", "\n::add-mask::x"})
    void neverStartsAWorkflowCommand(String text) {
        String line = ForeignText.line(text);
        assertFalse(line.strip().startsWith("::"), line);
        assertFalse(line.strip().startsWith("##"), line);
    }

    @Test
    void injectedCommandsInsideTheTextCannotReachTheStartOfALine() {
        String line = ForeignText.line("File already exists.\n::warning::pwned\n##[error]fake");
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("File already exists."), line);
    }

    @Test
    void isShortenedToTheLimit() {
        assertEquals("abcde...", ForeignText.line("abcdefghij", 5, List.of()));
    }

    @Test
    void aFenceIsLongerThanAnyRunOfBackticksInside() {
        String hostile = "done\n````\n## Injected heading\n[link](https://evil.example)\n```";
        String fenced = ForeignText.fenced(hostile);
        assertTrue(fenced.startsWith("`````\n"), fenced);
        assertTrue(fenced.endsWith("\n`````\n"), fenced);
        assertEquals(2, fenced.lines().filter(l -> l.equals("`````")).count(), fenced);
        assertEquals("```\ntext\n```\n", ForeignText.fenced("text"));
    }
}
