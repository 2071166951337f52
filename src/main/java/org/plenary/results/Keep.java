package org.plenary.results;

/** How much per-round detail a run keeps on disk; summaries and outcomes are always complete. */
public enum Keep {
    /** Everything, including the per-delegation rounds.csv. */
    ROUNDS,
    /** items.csv and coalitions.csv per round, but no per-delegation rows. */
    ITEMS,
    /** Only outcomes.csv, replications.csv and the summaries. */
    NONE;

    public boolean rounds() {
        return this == ROUNDS;
    }

    public boolean items() {
        return this != NONE;
    }
}
