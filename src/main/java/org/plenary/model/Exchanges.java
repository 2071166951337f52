package org.plenary.model;

/**
 * The exchanges of support made in one round (docs/ODD.md 7.10): delegation a, delegation b, the
 * dimension a cares more about (on which b moved toward a) and the one b cares more about (on which a
 * moved toward b); {@link #toArray()} gives them as {a, b, dimensionA, dimensionB} quadruples.
 */
public final class Exchanges extends Quadruples {

    public void add(int a, int b, int dimensionA, int dimensionB) {
        append(a, b, dimensionA, dimensionB);
    }
}
