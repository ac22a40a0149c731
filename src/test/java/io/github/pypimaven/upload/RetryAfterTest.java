package io.github.pypimaven.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After in each form RFC 9110 makes a recipient accept, as a wait from a fixed now. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "120|120",
        " 0 |0",
        "Mon, 30 Nov 2026 08:01:30 GMT|90",
        "Monday, 30-Nov-26 08:00:05 GMT|5",
        "Mon Nov 30 08:10:00 2026|600",
        "Mon Nov  2 08:00:00 2026|0",
        "Sun, 06 Nov 1994 08:49:37 GMT|0"})
    void aWaitInSecondsOrUntilADate(String header, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfter.parse(header, NOW));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-5", "1.5", "soon", "30 Nov 2026", "9999999999999"})
    void anythingElseSaysNothing(String header) {
        assertEquals(Optional.empty(), RetryAfter.parse(header, NOW));
    }
}
