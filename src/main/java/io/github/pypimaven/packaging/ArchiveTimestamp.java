package io.github.pypimaven.packaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The modification time written for every archive entry, from Maven's {@code project.build.outputTimestamp}.
 *
 * <p>Without a configured timestamp we still use a fixed time, {@link #DEFAULT} (1980-01-01T00:00:02Z, the
 * earliest time a ZIP entry can hold that Maven also accepts), rather than "now": a build is then reproducible
 * without any configuration, and the time of a build says nothing useful about a Python distribution.
 */
public final class ArchiveTimestamp {

    public static final Instant DEFAULT = Instant.parse("1980-01-01T00:00:02Z");
    private static final Instant LAST = Instant.parse("2099-12-31T23:59:58Z");

    private ArchiveTimestamp() {
    }

    /**
     * Parses the value as Maven's archivers do: epoch seconds, or an ISO-8601 date-time with offset; unset (or a
     * single character, Maven's way to disable it) gives {@link #DEFAULT}. The result is rounded down to an even
     * second, because that is all a ZIP entry can hold.
     */
    public static Instant parse(String outputTimestamp) throws PackagingException {
        if (outputTimestamp == null || outputTimestamp.strip().length() < 2) {
            return DEFAULT;
        }
        String text = outputTimestamp.strip();
        Instant instant;
        try {
            instant = text.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PackagingException("project.build.outputTimestamp '" + text + "' is neither epoch seconds nor an"
                    + " ISO-8601 date-time with offset; use a value like 2024-01-01T00:00:00Z");
        }
        if (instant.isBefore(DEFAULT) || instant.isAfter(LAST)) {
            throw new PackagingException("project.build.outputTimestamp '" + text + "' is outside the range ZIP files"
                    + " can store (1980-01-01T00:00:02Z to 2099-12-31T23:59:59Z); choose a time inside it");
        }
        return Instant.ofEpochSecond(instant.getEpochSecond() & ~1L);
    }
}
