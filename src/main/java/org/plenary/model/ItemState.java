package org.plenary.model;

/** Where an agenda item stands; {@link #label()} is the value written to the results. */
public enum ItemState {
    OPEN("open"),
    CONSENSUS("consensus"),
    VOTE_ADOPTED("vote-adopted"),
    VOTE_REJECTED("vote-rejected"),
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
