package io.github.pypimaven.publish;

/** File sizes for people: 1.2 MiB, 345 KiB, 12 bytes. */
final class Sizes {

    private Sizes() {}

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return oneDecimal(value) + " " + units[unit];
    }

    /** {@code 12.3}: one decimal, rounded half up, without {@code String.format} (slow in a fresh JVM, once per file). */
    static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10;
    }
}
