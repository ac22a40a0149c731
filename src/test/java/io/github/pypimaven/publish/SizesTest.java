package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void bytesUnderAKibibyteAreCounted() {
        assertEquals("0 bytes", Sizes.human(0));
        assertEquals("1 byte", Sizes.human(1));
        assertEquals("1023 bytes", Sizes.human(1023));
    }

    @Test
    void largerSizesHaveOneDecimalInTheLargestUnitBelowThem() {
        assertEquals("1.0 KiB", Sizes.human(1024));
        assertEquals("1.5 KiB", Sizes.human(1536));
        assertEquals("1.0 MiB", Sizes.human(1L << 20));
        assertEquals("2.3 GiB", Sizes.human((long) (2.3 * (1L << 30))));
        assertEquals("1024.0 TiB", Sizes.human(1L << 50));
    }

    @Test
    void oneDecimalRoundsHalfUpAsStringFormatWould() {
        assertEquals("0.0", Sizes.oneDecimal(0));
        assertEquals("0.1", Sizes.oneDecimal(0.05));
        assertEquals("1.0", Sizes.oneDecimal(0.96));
        assertEquals("12.3", Sizes.oneDecimal(12.34));
        assertEquals("12.4", Sizes.oneDecimal(12.35));
        assertEquals("1024.0", Sizes.oneDecimal(1023.99));
        for (double value = 0; value < 50; value += 0.0137) {
            // %.1f rounds the exact decimal value (HALF_UP), where the last digit could differ only on a tie
            String expected = String.format(java.util.Locale.ROOT, "%.1f", value);
            String actual = Sizes.oneDecimal(value);
            assertEquals(Double.parseDouble(expected), Double.parseDouble(actual), 0.1 + 1e-9, "value " + value);
        }
    }
}
