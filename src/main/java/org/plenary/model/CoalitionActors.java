package org.plenary.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coalitions as actors (docs/ODD.md, 7.4b and 7.6b): on each agenda item, coalitions with members,
 * a common position, a leader and a cohesion, and the text on the table with the delegation or
 * coalition holding its pen. Plain state on flat arrays: coalition slot s of item m is at
 * {@code m * delegations + s} (an item never has more coalitions than delegations), its common
 * position at {@code (m * delegations + s) * dimensions + k}. The mechanisms in
 * {@code org.plenary.dynamics} change it; it also keeps what happened in the current round (events,
 * texts tabled) for the observers.
 */
public final class CoalitionActors {
    /** No coalition (a delegation standing alone), no leader, no pen-holder. */
    public static final int NONE = -1;

    public final int items;
    public final int delegations;
    public final int dimensions;
    /** Whether coalitions form and object jointly (coalition_formation on), not only lead and table. */
    public final boolean formation;

    /** The coalition slot delegation i belongs to on item m, {@code coalitionOf[m * n + i]}, or NONE. */
    public final int[] coalitionOf;
    public final boolean[] alive;
    /** A slot's own id, {@code name@item}: the seeding bloc's id, or F1, F2, ... for coalitions formed later. */
    public final String[] id;
    public final int[] leader;
    public final double[] cohesion;
    /** The bloc (group index) whose declared leaders a slot follows, or NONE. */
    public final int[] seedBloc;
    /** Members' capability, refreshed with the common positions. */
    public final double[] capability;
    public final int[] size;
    /** Capability x salience weighted mean position of the members, every dimension. */
    public final double[] common;
    /** Capability of the delegations taking part in each item (the coalitions' shares are over it). */
    public final double[] itemCapability;
    /** Declared leaders and successors per group index, in order (delegation indexes). */
    public final int[][] declaredLeaders;
    private final int[] formedCount;

    /** The text on the table per item, indexed like the drafts. */
    public final double[] anchor;
    public final boolean[] tabled;
    /** Who holds the pen of the text on the table: a coalition slot, else a delegation, else the chair. */
    public final int[] penCoalition;
    public final int[] penDelegation;
    /** The coalition a delegation pen-holder belonged to, which takes the pen if it leaves. */
    public final int[] penFallback;

    /** Something that happened to a coalition or a text this round. */
    public record Event(int item, String type, String coalition, String delegation, String other) { }

    /** A text tabled on an item this round; NaN on dimensions the item does not weight. */
    public record Proposal(int item, String sponsor, double[] text) { }

    private final List<Event> events = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private final String[] itemIds;

    public CoalitionActors(Assembly a, boolean formation, int[][] declaredLeaders) {
        items = a.items;
        delegations = a.delegations;
        dimensions = a.dimensions;
        this.formation = formation;
        this.declaredLeaders = declaredLeaders;
        itemIds = a.itemIds.clone();
        int slots = items * delegations;
        coalitionOf = new int[slots];
        Arrays.fill(coalitionOf, NONE);
        alive = new boolean[slots];
        id = new String[slots];
        leader = new int[slots];
        Arrays.fill(leader, NONE);
        cohesion = new double[slots];
        seedBloc = new int[slots];
        Arrays.fill(seedBloc, NONE);
        capability = new double[slots];
        size = new int[slots];
        common = new double[slots * dimensions];
        itemCapability = new double[items];
        formedCount = new int[items];
        anchor = new double[items * dimensions];
        tabled = new boolean[items];
        penCoalition = new int[items];
        penDelegation = new int[items];
        penFallback = new int[items];
        Arrays.fill(penCoalition, NONE);
        Arrays.fill(penDelegation, NONE);
        Arrays.fill(penFallback, NONE);
    }

    public boolean actJointly() {
        return formation;
    }

    public boolean alive(int m, int s) {
        return alive[m * delegations + s];
    }

    public double cohesion(int m, int s) {
        return cohesion[m * delegations + s];
    }

    public int coalitionOf(int m, int i) {
        return coalitionOf[m * delegations + i];
    }

    public String id(int m, int s) {
        return id[m * delegations + s];
    }

    public int leader(int m, int s) {
        return leader[m * delegations + s];
    }

    /**
     * Opens a coalition in the first free slot of item m: named after a seeding bloc, or F1, F2, ...
     * in order of formation on the item. Returns the slot.
     */
    public int open(int m, String blocName, int bloc, double coalitionCohesion) {
        int s = 0;
        while (alive[m * delegations + s]) {
            s++;
        }
        int ms = m * delegations + s;
        alive[ms] = true;
        String name = blocName != null ? blocName : "F" + (++formedCount[m]);
        id[ms] = name + "@" + itemIds[m];
        leader[ms] = NONE;
        cohesion[ms] = coalitionCohesion;
        seedBloc[ms] = bloc;
        capability[ms] = 0;
        size[ms] = 0;
        return s;
    }

    /**
     * Closes a coalition; its members stand alone. The pen belongs to the coalition, not to its slot:
     * if it held the pen, the pen returns to the chair (a {@code pen} event), so a coalition opened
     * later in the same slot never inherits it.
     */
    public void close(int m, int s) {
        release(m, s);
        if (penCoalition[m] == s) {
            penCoalition[m] = NONE;
            record(new Event(m, "pen", "chair", "", id(m, s)));
        }
        if (penFallback[m] == s) {
            penFallback[m] = NONE;
        }
    }

    /** Closes coalition {@code absorbed} merged into {@code survivor}, which takes its pen (a {@code pen} event). */
    public void absorb(int m, int absorbed, int survivor) {
        release(m, absorbed);
        if (penCoalition[m] == absorbed) {
            penCoalition[m] = survivor;
            record(new Event(m, "pen", id(m, survivor), "", id(m, absorbed)));
        }
        if (penFallback[m] == absorbed) {
            penFallback[m] = survivor;
        }
    }

    /** Closes every coalition of an item that has been decided; its pen is no longer written with. */
    public void closeItem(int m) {
        for (int s = 0; s < delegations; s++) {
            if (alive[m * delegations + s]) {
                release(m, s);
            }
        }
        penCoalition[m] = NONE;
        penFallback[m] = NONE;
    }

    private void release(int m, int s) {
        alive[m * delegations + s] = false;
        for (int i = 0; i < delegations; i++) {
            if (coalitionOf[m * delegations + i] == s) {
                coalitionOf[m * delegations + i] = NONE;
            }
        }
    }

    /** The label of whoever holds the pen on item m: a coalition id, a delegation id or "chair". */
    public String penHolder(int m, String[] delegationIds) {
        if (penCoalition[m] != NONE) {
            return id(m, penCoalition[m]);
        }
        return penDelegation[m] != NONE ? delegationIds[penDelegation[m]] : "chair";
    }

    public void record(Event event) {
        events.add(event);
    }

    public void table(int m, String sponsor, double[] text) {
        proposals.add(new Proposal(m, sponsor, text.clone()));
    }

    /** This round's events and texts, for the observers. */
    public List<Event> events() {
        return events;
    }

    public List<Proposal> proposals() {
        return proposals;
    }

    /** Forgets the previous round's events and texts. */
    public void startRound() {
        events.clear();
        proposals.clear();
    }
}
