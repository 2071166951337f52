package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void formatsSixDecimalsWithoutTrailingZerosOrLocale() {
        assertEquals("0.5", Numbers.format(0.5));
        assertEquals("0.333333", Numbers.format(1.0 / 3));
        assertEquals("0.666667", Numbers.format(2.0 / 3), "rounded half up at the sixth decimal");
        assertEquals("-1.25", Numbers.format(-1.25));
        assertEquals("0", Numbers.format(-0.0000001), "no negative zero");
        assertEquals("30", Numbers.format(30.0));
        assertEquals("", Numbers.format(Double.NaN), "a value that does not apply is an empty cell");
        assertEquals(0.123457, Numbers.round(0.1234567), 0);
    }
}
