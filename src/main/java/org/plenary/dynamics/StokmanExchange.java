package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.plenary.model.Assembly;

/**
 * Exchange of support (docs/ODD.md 7.10), after Stokman and van Oosten (1994). The expected outcome
 * on dimension k is O_k = sum_h w_hk x_hk / W_k with w_hk = c_h s_hk over delegations with a vote,
 * not withdrawn (W_k the sum of the weights). Delegations i and j on opposite sides of O_k and of
 * O_l, with i caring relatively more about k (s_ik / s_il &gt; s_jk / s_jl), exchange: j moves on k
 * toward O_k (toward i) and i moves on l toward O_l (toward j). The outcome shifts dO_k = w_jk
 * delta_jk / W_k and dO_l = w_il delta_il / W_l at the equal-gain rate
 * <pre>
 *   r = dO_l / dO_k = (s_ik + s_jk) / (s_il + s_jl)
 *   gain_i = (s_ik - r s_il) dO_k &gt; 0,   gain_j = (r s_jl - s_jk) dO_k &gt; 0
 * </pre>
 * (r lies strictly between the two salience ratios, so both gain), as far as neither crosses the
 * outcome, times {@code rate}. Candidate pairs come from each pair of dimensions and each pair of
 * opposite quadrants around (O_k, O_l): the delegation caring most about k on one side with the one
 * caring most about l on the other, then the next two, while their ratios still differ. As in
 * Stokman and van Oosten, exchanges are then realised in order of joint gain, highest first, each
 * delegation making at most one a round; ties go by the delegations' and dimensions' ids, and each
 * pair of dimensions is taken in the order of their ids, so the result does not depend on the order
 * in which the scenario lists them. Outcomes are those at the start of the step. Draws nothing.
 */
public final class StokmanExchange implements Mechanism {
    /** How close to an outcome a position counts as at it, on neither side (rounding of the sums). */
    private static final double AT_OUTCOME = 1e-12;
    private final double rate;
    private double[] outcome = new double[0];
    private double[] outcomeWeight = new double[0];
    private boolean[] exchanged = new boolean[0];
    /** Candidates of each quadrant around (O_k, O_l), sorted by s_k / s_l ascending: {@code sorted[q * n + c]}. */
    private long[] sorted = new long[0];
    private final int[] count = new int[4];
    /** Candidate exchanges of the round: i, j, k, l, and their joint gain and outcome shift on k. */
    private int[] candidate = new int[0];
    private double[] gain = new double[0];
    private double[] shift = new double[0];
    private Integer[] rank = new Integer[0];
    /** Each delegation's place in the order of ids ({@link Assembly#idOrder}). */
    private int[] idRank = new int[0];
    private int candidates;

    public StokmanExchange(double rate) {
        this.rate = rate;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int n = a.delegations;
        int d = a.dimensions;
        a.exchanges.clear();
        if (outcome.length != d || exchanged.length != n) {
            outcome = new double[d];
            outcomeWeight = new double[d];
            exchanged = new boolean[n];
            sorted = new long[4 * n];
            idRank = new int[n];
            for (int r = 0; r < n; r++) {
                idRank[a.idOrder[r]] = r;
            }
        }
        Arrays.fill(outcome, 0);
        Arrays.fill(outcomeWeight, 0);
        Arrays.fill(exchanged, false);
        // Summed in the order of ids, so the outcome is the same number whatever the order of the file.
        for (int r = 0; r < n; r++) {
            int i = a.idOrder[r];
            if (hasAVote(a, i)) {
                for (int k = 0; k < d; k++) {
                    double w = a.capability[i] * a.activeSalience[i * d + k];
                    outcome[k] += w * a.position[i * d + k];
                    outcomeWeight[k] += w;
                }
            }
        }
        for (int k = 0; k < d; k++) {
            if (outcomeWeight[k] > 0) {
                outcome[k] /= outcomeWeight[k];
            }
        }
        candidates = 0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                if (k == l || a.dimensionIds[k].compareTo(a.dimensionIds[l]) > 0
                        || outcomeWeight[k] <= 0 || outcomeWeight[l] <= 0) {
                    continue;
                }
                collect(a, k, l);
                // Quadrants 0..3 around (O_k, O_l): bit 0 above on k, bit 1 above on l; 0-3 and 1-2 are opposite.
                for (int quadrant = 0; quadrant < 2; quadrant++) {
                    match(a, k, l, quadrant, 3 - quadrant);
                    match(a, k, l, 3 - quadrant, quadrant);
                }
            }
        }
        realise(a);
    }

    /** Realises the candidate exchanges by joint gain, highest first, each delegation at most once. */
    private void realise(Assembly a) {
        if (rank.length < candidates) {
            rank = new Integer[Math.max(candidates, 2 * rank.length)];
        }
        for (int c = 0; c < candidates; c++) {
            rank[c] = c;
        }
        Arrays.sort(rank, 0, candidates, (x, y) -> {
            int byGain = Double.compare(gain[y], gain[x]);
            if (byGain != 0) {
                return byGain;
            }
            for (int field = 0; field < 4; field++) {
                String[] ids = field < 2 ? a.delegationIds : a.dimensionIds;
                int byId = ids[candidate[4 * x + field]].compareTo(ids[candidate[4 * y + field]]);
                if (byId != 0) {
                    return byId;
                }
            }
            return 0;
        });
        for (int r = 0; r < candidates; r++) {
            int c = rank[r];
            int i = candidate[4 * c];
            int j = candidate[4 * c + 1];
            if (!exchanged[i] && !exchanged[j]) {
                exchange(a, i, j, candidate[4 * c + 2], candidate[4 * c + 3], shift[c]);
            }
        }
    }

    private static boolean hasAVote(Assembly a, int i) {
        return a.voting[i] && !a.withdrawn[i];
    }

    /**
     * Pairs k-carers of quadrant {@code from} (highest s_k / s_l first) with l-carers of quadrant
     * {@code to} (lowest s_k / s_l first) as candidate exchanges.
     */
    private void match(Assembly a, int k, int l, int from, int to) {
        int n = a.delegations;
        int p = count[from] - 1;
        int q = 0;
        while (p >= 0 && q < count[to]) {
            int i = (int) (sorted[from * n + p] & 0xffffffffL);
            int j = (int) (sorted[to * n + q] & 0xffffffffL);
            if (ratio(a, i, k, l) <= ratio(a, j, k, l)) {
                return; // sorted: no later pair has i caring more about k than j does
            }
            propose(a, i, j, k, l);
            p--;
            q++;
        }
    }

    /** Sorts the candidates of each quadrant by s_k / s_l, ascending, in one pass over the delegations. */
    private void collect(Assembly a, int k, int l) {
        int d = a.dimensions;
        int n = a.delegations;
        java.util.Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            if (!hasAVote(a, i) || a.activeSalience[i * d + k] <= 0 || a.activeSalience[i * d + l] <= 0) {
                continue;
            }
            double xk = a.position[i * d + k] - outcome[k];
            double xl = a.position[i * d + l] - outcome[l];
            if (Math.abs(xk) <= AT_OUTCOME || Math.abs(xl) <= AT_OUTCOME) {
                continue; // at the outcome: on neither side
            }
            int quadrant = (xk > 0 ? 1 : 0) | (xl > 0 ? 2 : 0);
            // Positive floats sort like their bits: order by ratio, then by id for a tie-break independent of the file.
            long bits = Float.floatToIntBits((float) ratio(a, i, k, l));
            sorted[quadrant * n + count[quadrant]++] = (bits << 32) | idRank[i];
        }
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            Arrays.sort(sorted, quadrant * n, quadrant * n + count[quadrant]);
            for (int c = 0; c < count[quadrant]; c++) {
                long entry = sorted[quadrant * n + c];
                sorted[quadrant * n + c] = (entry & 0xffffffff00000000L) | a.idOrder[(int) (entry & 0xffffffffL)];
            }
        }
    }

    private static double ratio(Assembly a, int i, int k, int l) {
        int d = a.dimensions;
        return a.activeSalience[i * d + k] / a.activeSalience[i * d + l];
    }

    /** Records the exchange of i (caring more about k) and j (about l) as a candidate, with its joint gain. */
    private void propose(Assembly a, int i, int j, int k, int l) {
        int d = a.dimensions;
        double sik = a.activeSalience[i * d + k];
        double sil = a.activeSalience[i * d + l];
        double sjk = a.activeSalience[j * d + k];
        double sjl = a.activeSalience[j * d + l];
        double r = (sik + sjk) / (sil + sjl);
        double wjk = a.capability[j] * sjk;
        double wil = a.capability[i] * sil;
        if (wjk <= 0 || wil <= 0) {
            return;
        }
        double gapJ = Math.abs(outcome[k] - a.position[j * d + k]);
        double gapI = Math.abs(outcome[l] - a.position[i * d + l]);
        double shiftK = rate * Math.min(wjk * gapJ / outcomeWeight[k], wil * gapI / outcomeWeight[l] / r);
        if (shiftK <= 0) {
            return;
        }
        if (4 * candidates + 4 > candidate.length) {
            int size = Math.max(16, 2 * gain.length);
            candidate = Arrays.copyOf(candidate, 4 * size);
            gain = Arrays.copyOf(gain, size);
            shift = Arrays.copyOf(shift, size);
        }
        candidate[4 * candidates] = i;
        candidate[4 * candidates + 1] = j;
        candidate[4 * candidates + 2] = k;
        candidate[4 * candidates + 3] = l;
        gain[candidates] = ((sik - r * sil) + (r * sjl - sjk)) * shiftK;
        shift[candidates] = shiftK;
        candidates++;
    }

    /** i cares more about k, j about l: j moves on k toward O_k, i moves on l toward O_l. */
    private void exchange(Assembly a, int i, int j, int k, int l, double shiftK) {
        int d = a.dimensions;
        double r = (a.activeSalience[i * d + k] + a.activeSalience[j * d + k])
                / (a.activeSalience[i * d + l] + a.activeSalience[j * d + l]);
        double moveJ = shiftK * outcomeWeight[k] / (a.capability[j] * a.activeSalience[j * d + k]);
        double moveI = r * shiftK * outcomeWeight[l] / (a.capability[i] * a.activeSalience[i * d + l]);
        a.position[j * d + k] += Math.signum(outcome[k] - a.position[j * d + k]) * moveJ;
        a.position[i * d + l] += Math.signum(outcome[l] - a.position[i * d + l]) * moveI;
        exchanged[i] = true;
        exchanged[j] = true;
        a.exchanges.add(i, j, k, l);
    }
}
