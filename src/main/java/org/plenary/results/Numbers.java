package org.plenary.results;

/** Formats numbers for the CSV and JSON files: fixed precision, locale-free, same bytes everywhere. */
public final class Numbers {
    private static final int DECIMALS = 6;
    private static final long SCALE = 1_000_000L;

    private Numbers() {
    }

    /** Up to six decimals without trailing zeros; empty for NaN (a value that does not apply). */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value) || Math.abs(value) >= 9e12) {
            return Double.toString(value);
        }
        long scaled = Math.round(value * SCALE);
        StringBuilder text = new StringBuilder(16);
        if (scaled < 0) {
            text.append('-');
            scaled = -scaled;
        }
        text.append(scaled / SCALE);
        long fraction = scaled % SCALE;
        if (fraction != 0) {
            String digits = Long.toString(fraction + SCALE).substring(1);
            int end = DECIMALS;
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.toString();
    }

    /** Rounds to the precision of {@link #format}, for JSON numbers. */
    public static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * SCALE) / (double) SCALE : value;
    }
}
