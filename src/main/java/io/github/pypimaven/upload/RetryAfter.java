package io.github.pypimaven.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An index's {@code Retry-After} header (RFC 9110, section 10.2.3): a number of seconds, or an HTTP-date in any of the
 * three forms a recipient must accept (IMF-fixdate, the obsolete RFC 850 and asctime forms), as a wait from now.
 */
final class RetryAfter {

    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM ppd HH:mm:ss yyyy").toFormatter(Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    private RetryAfter() {}

    /**
     * The wait the header asks for, never negative (a date in the past means now); empty when the header is absent or
     * says nothing usable.
     */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("[0-9]{1,12}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(now), ASCTIME)) {
            try {
                Instant at = ZonedDateTime.parse(value, format).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                // not this form; try the next
            }
        }
        return Optional.empty();
    }

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}: a two-digit year more than 50 years ahead is in the past century. */
    private static DateTimeFormatter rfc850(Instant now) {
        int base = now.atZone(java.time.ZoneOffset.UTC).getYear() - 49;
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, base).appendPattern(" HH:mm:ss zzz")
                .toFormatter(Locale.ENGLISH);
    }
}
