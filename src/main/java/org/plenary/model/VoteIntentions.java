package org.plenary.model;

/**
 * A read-only view, for observers, of the sincere vote intentions the decision step worked out this
 * round while it weighed each open item's draft: an observer that replays a vote on the draft (the
 * swing voters) reads them instead of measuring every distance again. Holds nothing an observer could
 * change, and says {@link #UNKNOWN} rather than give an intention that no longer holds.
 */
public interface VoteIntentions {
    /** What {@link #intention} returns when the decision step did not work the intention out for the item's current draft this round. */
    int UNKNOWN = Integer.MIN_VALUE;

    /**
     * Delegation i's sincere intention on item m's current draft against the status quo (+1 yes, -1 no,
     * 0 abstain, under the decision rule's abstention band), as the decision step found it this round; or
     * {@link #UNKNOWN} when it did not find one for this round and this draft (the item was not weighed, i
     * did not take part then, or the draft has moved since).
     */
    int intention(Assembly a, int m, int i);

    /** Whether the decision step found intentions on item m's current draft this round (some may still be unknown). */
    boolean holds(Assembly a, int m);
}
