package org.plenary.observe;

import java.util.ArrayList;
import java.util.List;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.model.Assembly;
import org.plenary.model.Ballot;
import org.plenary.model.Coalition;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * Everything one replication produced, round by round (round 0 is the initial state), on flat
 * arrays: statuses, positions, drafts, objections, pivotal delegations ({@link PivotalVoters}),
 * coalitions, each item's final state and the ballots of its vote.
 */
public final class ReplicationRecord implements RoundObserver {

    public static final byte ACTIVE = 0;
    public static final byte DISENGAGED = 1;
    public static final byte WITHDRAWN = 2;

    private final int replication;
    private final long seed;
    private final int rounds;
    private final int n;
    private final int d;
    private final int m;
    private final byte[] status;
    private final double[] positions;
    private final ItemState[] itemStates;
    private final double[] drafts;
    private final boolean[] objecting;
    private final double[] objectingShare;
    private final Scenario.Decision rule;
    private final int[] ballots;
    private final boolean[] pivotal;
    private final int[] pivotalCount;
    /** Whether an item's swing voters in a round are on the yes side (else on the no side). */
    private final boolean[] pivotalYes;
    private final List<List<Coalition>> coalitions = new ArrayList<>();
    /** Per round, the exchanges of support made, as {a, b, dimension a, dimension b} quadruples. */
    private final List<int[]> exchanges = new ArrayList<>();
    /** Per round, the items moved between bodies, as {item, from, to, by} quadruples (forum shifting). */
    private final List<int[]> venueMoves = new ArrayList<>();
    /** The latest round's decision rounds and votes, copied in place each round: the last round's stay. */
    private final int[] decidedRound;
    private final int[] votes;
    /** Leaders, tabled texts and coalition events; null unless coalitions act (v2 mechanisms on). */
    private ActorRecord actors;
    /** Each item's ballots, {@code itemBallots[item * n + i]} as the vote wrote them, copied in the round of the vote. */
    private final int[] itemBallots;
    /** Each item's participants (those taking part) in the round it was decided, for a rough consensus's share. */
    private final int[] participantsAtDecision;
    /** The vote model's probabilities of those ballots, {@code ballotChance[3 * (item * n + i) + choice]}; NaN if none. */
    private final double[] ballotChance;

    private double[] statusQuo;

    /** @param rule the decision rule, whose vote {@link PivotalVoters} replays */
    public ReplicationRecord(int replication, long seed, int rounds, int delegations, int dimensions, int items,
                             Scenario.Decision rule) {
        this.replication = replication;
        this.seed = seed;
        this.rounds = rounds;
        this.n = delegations;
        this.d = dimensions;
        this.m = items;
        int snapshots = rounds + 1;
        status = new byte[snapshots * n];
        positions = new double[snapshots * n * d];
        itemStates = new ItemState[snapshots * m];
        drafts = new double[snapshots * m * d];
        objecting = new boolean[snapshots * m * n];
        objectingShare = new double[snapshots * m];
        this.rule = rule;
        ballots = new int[delegations];
        pivotal = new boolean[snapshots * m * n];
        pivotalCount = new int[snapshots * m];
        pivotalYes = new boolean[snapshots * m];
        itemBallots = new int[m * n];
        ballotChance = new double[3 * m * n];
        java.util.Arrays.fill(ballotChance, Double.NaN);
        decidedRound = new int[m];
        votes = new int[3 * m];
        participantsAtDecision = new int[m];
    }

    @Override
    public void observe(Assembly a) {
        int t = a.round();
        for (int i = 0; i < n; i++) {
            status[t * n + i] = a.withdrawn[i] ? WITHDRAWN : a.disengagedAnywhere(i) ? DISENGAGED : ACTIVE;
        }
        System.arraycopy(a.position, 0, positions, t * n * d, n * d);
        System.arraycopy(a.itemState, 0, itemStates, t * m, m);
        System.arraycopy(a.draft, 0, drafts, t * m * d, m * d);
        System.arraycopy(a.objecting, 0, objecting, t * m * n, m * n);
        System.arraycopy(a.objectingShare, 0, objectingShare, t * m, m);
        for (int item = 0; item < m; item++) {
            if (PivotalVoters.applies(a, item)) {
                int offset = (t * m + item) * n;
                int count = PivotalVoters.mark(a, item, rule, pivotal, offset, ballots);
                pivotalCount[t * m + item] = count;
                for (int i = 0; count > 0 && i < n; i++) {
                    if (pivotal[offset + i]) {
                        pivotalYes[t * m + item] = ballots[i] > 0;
                        break;
                    }
                }
            }
        }
        for (int item = 0; item < m; item++) {
            if (t > 0 && a.decidedRound[item] == t && a.votes[3 * item] >= 0) {
                System.arraycopy(a.ballots, item * n, itemBallots, item * n, n);
                System.arraycopy(a.ballotChance, 3 * item * n, ballotChance, 3 * item * n, 3 * n);
            }
            if (t > 0 && a.decidedRound[item] == t) {
                participantsAtDecision[item] = participants(a, item);
            }
        }
        coalitions.add(a.coalitions());
        exchanges.add(a.exchanges.toArray());
        venueMoves.add(a.venueMoves.toArray());
        if (statusQuo == null) {
            statusQuo = a.statusQuo.clone();
        }
        if (a.actors() != null) {
            if (actors == null) {
                actors = new ActorRecord();
            }
            actors.observe(a, a.actors());
        }
        System.arraycopy(a.decidedRound, 0, decidedRound, 0, m);
        System.arraycopy(a.votes, 0, votes, 0, 3 * m);
    }

    private int participants(Assembly a, int item) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (a.takesPart(i, item)) {
                count++;
            }
        }
        return count;
    }

    /** How many delegations took part in an item in the round it was decided; 0 while it is open. */
    public int participantsAtDecision(int item) {
        return decidedRound[item] > 0 ? participantsAtDecision[item] : 0;
    }

    /** What coalitions as actors did, or null when those mechanisms are off. */
    public ActorRecord actors() {
        return actors;
    }

    public int replication() {
        return replication;
    }

    public long seed() {
        return seed;
    }

    public int rounds() {
        return rounds;
    }

    public int delegations() {
        return n;
    }

    public int dimensions() {
        return d;
    }

    public int items() {
        return m;
    }

    public byte status(int round, int i) {
        return status[round * n + i];
    }

    public double position(int round, int i, int k) {
        return positions[(round * n + i) * d + k];
    }

    public ItemState itemState(int round, int item) {
        return itemStates[round * m + item];
    }

    public double draft(int round, int item, int k) {
        return drafts[(round * m + item) * d + k];
    }

    public boolean objecting(int round, int item, int i) {
        return objecting[(round * m + item) * n + i];
    }

    public double objectingShare(int round, int item) {
        return objectingShare[round * m + item];
    }

    public boolean pivotal(int round, int item, int i) {
        return pivotal[(round * m + item) * n + i];
    }

    /** How many delegations are pivotal on an item in a round (0 when none is, or the item was closed). */
    public int pivotalCount(int round, int item) {
        return pivotalCount[round * m + item];
    }

    /** Whether the swing voters on an item in a round voted yes (the text would be adopted) rather than no. */
    public boolean pivotalAdopts(int round, int item) {
        return pivotalYes[round * m + item];
    }

    public List<Coalition> coalitions(int round) {
        return coalitions.get(round);
    }

    /** The items moved between bodies in a round, as {item, from, to, by} quadruples (body indexes as declared). */
    public int[] venueMoves(int round) {
        return venueMoves.get(round);
    }

    /**
     * The body an item ended in: {@code declared} (its body as declared, an index) unless forum shifting moved it,
     * then the body of its last move.
     */
    public int finalBody(int item, int declared) {
        int body = declared;
        for (int[] moves : venueMoves) {
            for (int v = 0; v < moves.length; v += 4) {
                if (moves[v] == item) {
                    body = moves[v + 2];
                }
            }
        }
        return body;
    }

    /** The exchanges of support made in a round, as {a, b, dimension a, dimension b} quadruples. */
    public int[] exchanges(int round) {
        return exchanges.get(round);
    }

    public ItemState finalState(int item) {
        return itemStates[rounds * m + item];
    }

    /** Whether an item ended adopted, by consensus or by vote. */
    public boolean adopted(int item) {
        ItemState state = finalState(item);
        return state == ItemState.CONSENSUS || state == ItemState.VOTE_ADOPTED;
    }

    /**
     * The text in force on an item at the end: the adopted text when it was adopted (the draft stays
     * as adopted once an item closes), else the status quo, which a rejected or failed text leaves in place.
     */
    public double textInForce(int item, int k) {
        return adopted(item) ? draft(rounds, item, k) : statusQuo[item * d + k];
    }

    /**
     * The objecting capability share in the round an item was decided (flags are cleared in the
     * rounds after), or in the last round when it is still open.
     */
    public double objectingShareAtDecision(int item) {
        return objectingShare(decidedRound[item] > 0 ? decidedRound[item] : rounds, item);
    }

    /** The round an item was decided in, or 0 when it is still open. */
    public int decidedRound(int item) {
        return decidedRound[item];
    }

    /** Yes, no and abstentions in an item's vote (index 0, 1, 2); -1 when it was never put to a vote. */
    public int vote(int item, int choice) {
        return votes[3 * item + choice];
    }

    /**
     * How many delegations were accredited in an item's vote (those with a vote, not withdrawn, present
     * or not; those present are yes + no + abstain), or -1 when it was never put to a vote.
     */
    public int accredited(int item) {
        if (votes[3 * item] < 0) {
            return -1;
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (itemBallots[item * n + i] != DecisionMaking.NO_BALLOT) {
                count++;
            }
        }
        return count;
    }

    /**
     * Delegation i's ballot in an item's vote: absent when it was withdrawn or out of the item's forum;
     * null when the item was never voted on or i has no vote.
     */
    public Ballot ballot(int item, int i) {
        if (votes[3 * item] < 0) {
            return null;
        }
        int code = itemBallots[item * n + i];
        if (code == DecisionMaking.NO_BALLOT) {
            return status(decidedRound[item], i) == WITHDRAWN ? Ballot.ABSENT : null;
        }
        return code == DecisionMaking.ABSENT ? Ballot.ABSENT : Ballot.of(code);
    }

    /**
     * The probability the vote model gave delegation i's ballot {@code choice} (0 yes, 1 no, 2 abstain)
     * on an item; NaN when its ballot was not drawn from probabilities (threshold vote, absent, no vote).
     */
    public double ballotChance(int item, int i, int choice) {
        return ballotChance[3 * (item * n + i) + choice];
    }

    public int finalCoalitionCount() {
        return coalitions.get(rounds).size();
    }

    /** The largest coalition's capability share at the end, 0 when there is no coalition. */
    public double finalLargestCoalitionShare() {
        List<Coalition> last = coalitions.get(rounds);
        return last.isEmpty() ? 0 : last.get(0).capabilityShare();
    }

    /**
     * Polarisation at the end: the mean Euclidean distance between pairs of delegations not
     * withdrawn, over the diagonal of the unit cube (0 = all agree, 1 = two opposite corners).
     */
    public double finalPolarisation() {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            if (status(rounds, i) == WITHDRAWN) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (status(rounds, j) == WITHDRAWN) {
                    continue;
                }
                double squared = 0;
                for (int k = 0; k < d; k++) {
                    double diff = position(rounds, i, k) - position(rounds, j, k);
                    squared += diff * diff;
                }
                sum += Math.sqrt(squared);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs / Math.sqrt(d);
    }
}
