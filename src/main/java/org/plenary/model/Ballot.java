package org.plenary.model;

/** One delegation's ballot in an item's vote; {@link #label()} is the value written to ballots.csv. */
public enum Ballot {
    YES("yes"),
    NO("no"),
    ABSTAIN("abstain"),
    /** Accredited but not there: withdrawn, or disengaged from the item's forum. */
    ABSENT("absent");

    private final String label;

    Ballot(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The ballot of a vote intention: +1 yes, -1 no, 0 abstain. */
    public static Ballot of(int intention) {
        return intention > 0 ? YES : intention < 0 ? NO : ABSTAIN;
    }
}
