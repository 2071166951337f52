package org.plenary.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.model.Coalition;
import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Statistics over replications, accumulated one record at a time so memory does not grow with
 * the number of replications: mean positions per round, draft texts, coalition counts and
 * shares, item outcomes. Charts and summary.json are drawn from it. The coalition memberships
 * of one replication, chosen by a stated rule, are kept for the coalition flow chart.
 */
public final class RunAggregate {
    private final Scenario scenario;
    private final int rounds;
    private final int n;
    private final int d;
    private final int m;
    private final double[] positionSum;
    /** Per (round, item, dimension): count, sum and sum of squares of the draft over replications. */
    private final long[] draftCount;
    private final double[] draftSum;
    private final double[] draftSquares;
    private final SummaryStatistics[] coalitionCount;
    private final SummaryStatistics[] largestShare;
    private final List<Map<ItemState, Integer>> finalStates = new ArrayList<>();
    private final SummaryStatistics[] decisionRound;
    /** Per item and dimension: the text in force at the end, over all replications. */
    private final SummaryStatistics[] textInForce;
    /** Per item and dimension: the adopted text, over the replications that adopted one. */
    private final SummaryStatistics[] adoptedText;
    private final SummaryStatistics[] objectingShareAtDecision;
    /** Per item and choice (yes, no, abstain): the tally over replications that voted. */
    private final SummaryStatistics[] votes;
    /** Per item and count (present, accredited, quorum): who could vote and how many had to, where it was voted. */
    private final SummaryStatistics[] turnout;
    private final SummaryStatistics finalCoalitions = new SummaryStatistics();
    private final SummaryStatistics finalLargestShare = new SummaryStatistics();
    private final SummaryStatistics finalPolarisation = new SummaryStatistics();
    private int replications;
    private final FlowReplication flow;

    public RunAggregate(Scenario scenario) {
        this.scenario = scenario;
        rounds = scenario.rounds();
        n = scenario.delegations().size();
        d = scenario.dimensions().size();
        m = scenario.agenda().size();
        positionSum = new double[(rounds + 1) * n * d];
        draftCount = new long[(rounds + 1) * m * d];
        draftSum = new double[(rounds + 1) * m * d];
        draftSquares = new double[(rounds + 1) * m * d];
        coalitionCount = statistics(rounds + 1);
        largestShare = statistics(rounds + 1);
        decisionRound = statistics(m);
        textInForce = statistics(m * d);
        adoptedText = statistics(m * d);
        objectingShareAtDecision = statistics(m);
        votes = statistics(3 * m);
        turnout = statistics(3 * m);
        flow = new FlowReplication(scenario);
        for (int item = 0; item < m; item++) {
            Map<ItemState, Integer> counts = new EnumMap<>(ItemState.class);
            for (ItemState state : ItemState.values()) {
                counts.put(state, 0);
            }
            finalStates.add(counts);
        }
    }

    private static SummaryStatistics[] statistics(int size) {
        SummaryStatistics[] array = new SummaryStatistics[size];
        for (int i = 0; i < size; i++) {
            array[i] = new SummaryStatistics();
        }
        return array;
    }

    public void add(ReplicationRecord record) {
        replications++;
        flow.add(record);
        for (int t = 0; t <= rounds; t++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    positionSum[(t * n + i) * d + k] += record.position(t, i, k);
                }
            }
            for (int item = 0; item < m; item++) {
                for (int k = 0; k < d; k++) {
                    double value = record.draft(t, item, k);
                    if (!Double.isNaN(value)) {
                        int index = (t * m + item) * d + k;
                        draftCount[index]++;
                        draftSum[index] += value;
                        draftSquares[index] += value * value;
                    }
                }
            }
            List<Coalition> coalitions = record.coalitions(t);
            coalitionCount[t].addValue(coalitions.size());
            largestShare[t].addValue(coalitions.isEmpty() ? 0 : coalitions.get(0).capabilityShare());
        }
        for (int item = 0; item < m; item++) {
            ItemState state = record.finalState(item);
            finalStates.get(item).merge(state, 1, Integer::sum);
            if (state.isClosed()) {
                decisionRound[item].addValue(record.decidedRound(item));
            }
            for (int k = 0; k < d; k++) {
                double value = record.textInForce(item, k);
                if (!Double.isNaN(value)) {
                    textInForce[item * d + k].addValue(value);
                    if (record.adopted(item)) {
                        adoptedText[item * d + k].addValue(value);
                    }
                }
            }
            objectingShareAtDecision[item].addValue(record.objectingShareAtDecision(item));
            if (record.vote(item, 0) >= 0) {
                int present = 0;
                for (int choice = 0; choice < 3; choice++) {
                    votes[3 * item + choice].addValue(record.vote(item, choice));
                    present += record.vote(item, choice);
                }
                int accredited = record.accredited(item);
                turnout[3 * item].addValue(present);
                turnout[3 * item + 1].addValue(accredited);
                turnout[3 * item + 2].addValue(DecisionMaking.quorumCount(scenario.decision(), accredited));
            }
        }
        finalCoalitions.addValue(record.finalCoalitionCount());
        finalLargestShare.addValue(record.finalLargestCoalitionShare());
        finalPolarisation.addValue(record.finalPolarisation());
    }

    public Scenario scenario() {
        return scenario;
    }

    public int replications() {
        return replications;
    }

    /** The replication the coalition flow chart shows, chosen by a stated rule. */
    public FlowReplication flowReplication() {
        return flow;
    }

    public double meanPosition(int round, int delegation, int k) {
        return positionSum[(round * n + delegation) * d + k] / replications;
    }

    /** The draft's mean and spread over replications (plain arrays: one object per cell would not scale). */
    public StatisticalSummary draft(int round, int item, int k) {
        int index = (round * m + item) * d + k;
        long n = draftCount[index];
        double mean = n == 0 ? Double.NaN : draftSum[index] / n;
        double variance = n < 2 ? Double.NaN : Math.max(0, (draftSquares[index] - n * mean * mean) / (n - 1));
        return new StatisticalSummaryValues(mean, variance, n, Double.NaN, Double.NaN, draftSum[index]);
    }

    public SummaryStatistics coalitionCount(int round) {
        return coalitionCount[round];
    }

    public SummaryStatistics largestShare(int round) {
        return largestShare[round];
    }

    public int finalStateCount(int item, ItemState state) {
        return finalStates.get(item).get(state);
    }

    public SummaryStatistics decisionRound(int item) {
        return decisionRound[item];
    }

    /** The text in force at the end (adopted text, or the status quo), over all replications. */
    public SummaryStatistics textInForce(int item, int k) {
        return textInForce[item * d + k];
    }

    /** The adopted text, over the replications that adopted the item (n may be 0). */
    public SummaryStatistics adoptedText(int item, int k) {
        return adoptedText[item * d + k];
    }

    /** The objecting capability share in the round each replication decided the item (last round if open). */
    public SummaryStatistics objectingShareAtDecision(int item) {
        return objectingShareAtDecision[item];
    }

    /** Tally statistics of an item's vote: choice 0 yes, 1 no, 2 abstain. */
    public SummaryStatistics votes(int item, int choice) {
        return votes[3 * item + choice];
    }

    /** Over the replications that voted on an item: 0 those present, 1 those accredited, 2 the quorum. */
    public SummaryStatistics turnout(int item, int count) {
        return turnout[3 * item + count];
    }

    public SummaryStatistics finalCoalitions() {
        return finalCoalitions;
    }

    public SummaryStatistics finalLargestShare() {
        return finalLargestShare;
    }

    public SummaryStatistics finalPolarisation() {
        return finalPolarisation;
    }
}
