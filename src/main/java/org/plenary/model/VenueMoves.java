package org.plenary.model;

import java.util.Arrays;

/**
 * The moves of agenda items between standards bodies made in one round (forum shifting, docs/ODD.md
 * 7.14), on a flat int array: item, body moved from, body moved to, delegation that moved it.
 */
public final class VenueMoves {
    private int[] data = new int[8];
    private int count;

    public void clear() {
        count = 0;
    }

    public void add(int item, int from, int to, int by) {
        if (4 * count + 4 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int at = 4 * count++;
        data[at] = item;
        data[at + 1] = from;
        data[at + 2] = to;
        data[at + 3] = by;
    }

    public int count() {
        return count;
    }

    /** A copy of the moves as {item, from, to, by} quadruples. */
    public int[] toArray() {
        return Arrays.copyOf(data, 4 * count);
    }
}
