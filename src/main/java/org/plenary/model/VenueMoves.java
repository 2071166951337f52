package org.plenary.model;

/**
 * The moves of agenda items between standards bodies made in one round (forum shifting, docs/ODD.md
 * 7.14): item, body moved from, body moved to, delegation that moved it; {@link #toArray()} gives them
 * as {item, from, to, by} quadruples.
 */
public final class VenueMoves extends Quadruples {

    public void add(int item, int from, int to, int by) {
        append(item, from, to, by);
    }
}
