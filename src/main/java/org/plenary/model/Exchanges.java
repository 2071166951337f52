package org.plenary.model;

import java.util.Arrays;

/**
 * The exchanges of support made in one round (docs/ODD.md 7.10), on a flat int array: delegation
 * a, delegation b, the dimension a cares more about (on which b moved toward a) and the one b
 * cares more about (on which a moved toward b).
 */
public final class Exchanges {
    private int[] data = new int[16];
    private int count;

    public void clear() {
        count = 0;
    }

    public void add(int a, int b, int dimensionA, int dimensionB) {
        if (4 * count + 4 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int at = 4 * count++;
        data[at] = a;
        data[at + 1] = b;
        data[at + 2] = dimensionA;
        data[at + 3] = dimensionB;
    }

    public int count() {
        return count;
    }

    /** A copy of the exchanges as {a, b, dimensionA, dimensionB} quadruples. */
    public int[] toArray() {
        return Arrays.copyOf(data, 4 * count);
    }
}
