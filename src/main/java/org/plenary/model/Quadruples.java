package org.plenary.model;

import java.util.Arrays;

/**
 * A round's list of records of four ints on one flat array, cleared each round and grown as needed:
 * what {@link Exchanges} and {@link VenueMoves} record, each naming its four fields.
 */
public class Quadruples {
    /** What a round without records copies to: shared, since a round's copy is only read. */
    private static final int[] NONE = new int[0];

    private int[] data = new int[16];
    private int count;

    public void clear() {
        count = 0;
    }

    protected void append(int first, int second, int third, int fourth) {
        if (4 * count + 4 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int at = 4 * count++;
        data[at] = first;
        data[at + 1] = second;
        data[at + 2] = third;
        data[at + 3] = fourth;
    }

    public int count() {
        return count;
    }

    /** A copy of the records, four ints each, for reading only. */
    public int[] toArray() {
        return count == 0 ? NONE : Arrays.copyOf(data, 4 * count);
    }
}
