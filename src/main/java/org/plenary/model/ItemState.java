package org.plenary.model;

/**
 * Where an agenda item stands; {@link #label()} is the value written to the results. A vote without
 * a quorum ({@link #NO_QUORUM}) is told apart from the deadline passing without consensus under
 * {@code fallback: fail} ({@link #FAILED}): in both the status quo stays in force.
 */
public enum ItemState {
    OPEN("open"),
    CONSENSUS("consensus"),
    VOTE_ADOPTED("vote-adopted"),
    VOTE_REJECTED("vote-rejected"),
    NO_QUORUM("no-quorum"),
    FAILED("failed");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isClosed() {
        return this != OPEN;
    }
}
