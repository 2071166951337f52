package org.plenary.idealpoints;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.plenary.scenario.RollCalls;

/**
 * Ideal points from roll calls by an ordered item-response model (docs/analysis-commands.md,
 * "plenary ideal-points"), in the spirit of Bailey, Strezhnev & Voeten (2017): delegation i on roll
 * call j votes no (0), abstain (1) or yes (2) with
 * <pre>
 *   u1 = a_j + b_j . x_i          P(vote &gt;= abstain) = L(u1)
 *   u2 = u1 - delta_j (delta_j &gt; 0)  P(yes) = L(u2)
 * </pre>
 * L the logistic function, x_i in D = 1 or 2 dimensions. Priors: x_ik ~ N(0, 1); a_j, b_jk, delta_j
 * ~ N(0, 5^2). The estimate is the posterior mode, found by block coordinate Newton ascent (every
 * block's log posterior is concave: the ordered logit is log-concave in u1, u2, which are linear in each
 * block); intervals are 90% Laplace intervals of each delegation's block at the mode, given the roll-call
 * parameters. Identification: the solution is centred, rotated to its principal axes (dimension 1 the
 * one along which positions vary most), scaled to standard deviation 1 per dimension, and signed so
 * that the anchor delegation (the United States by default) is positive on every dimension.
 */
public final class IdealPointModel {
    /** Prior standard deviations. */
    static final double POSITION_SD = 1;
    static final double ITEM_SD = 5;
    /** The normal quantile of a 90% interval (as the published q05 and q95). */
    static final double Z90 = 1.6448536269514722;
    private static final double MIN_DELTA = 1e-6;

    /** The fit: positions and intervals indexed {@code [i * dimensions + k]}. */
    public record Estimate(int dimensions, double[] estimate, double[] low, double[] high, int sweeps,
                           double logPosterior, boolean converged, double largestChange, IdealPointModel model) { }

    private final RollCalls votes;
    private final int d;
    private final int n;
    private final int j;
    private final double[] x;
    private final double[] a;
    private final double[] b;
    private final double[] delta;
    private final int[][] byItem;
    private final int[][] byDelegation;

    IdealPointModel(RollCalls votes, int dimensions) {
        this.votes = votes;
        this.d = dimensions;
        this.n = votes.delegations().size();
        this.j = votes.items().size();
        x = new double[n * d];
        a = new double[j];
        b = new double[j * d];
        delta = new double[j];
        Arrays.fill(delta, 1);
        byItem = index(j, true);
        byDelegation = index(n, false);
    }

    private int[][] index(int count, boolean items) {
        int[] sizes = new int[count];
        for (int v = 0; v < votes.size(); v++) {
            sizes[items ? votes.item(v) : votes.delegation(v)]++;
        }
        int[][] index = new int[count][];
        for (int c = 0; c < count; c++) {
            index[c] = new int[sizes[c]];
        }
        int[] at = new int[count];
        for (int v = 0; v < votes.size(); v++) {
            int c = items ? votes.item(v) : votes.delegation(v);
            index[c][at[c]++] = v;
        }
        return index;
    }

    /**
     * Fits the model: at most {@code maxSweeps} sweeps over all blocks; converged when no position moves
     * by more than {@code tolerance} in a sweep. The anchor must be one of the delegations (or null: none).
     */
    public static Estimate fit(RollCalls votes, int dimensions, String anchor, int maxSweeps, double tolerance) {
        IdealPointModel model = new IdealPointModel(votes, dimensions);
        model.start();
        double change = Double.POSITIVE_INFINITY;
        int sweep = 0;
        while (sweep < maxSweeps && !(change < tolerance)) {
            sweep++;
            for (int m = 0; m < model.j; m++) {
                model.newtonItem(m);
            }
            double[] before = model.x.clone();
            for (int i = 0; i < model.n; i++) {
                model.newtonDelegation(i);
            }
            model.align();
            change = 0;
            for (int k = 0; k < before.length; k++) {
                change = Math.max(change, Math.abs(model.x[k] - before[k]));
            }
        }
        return model.identified(anchor, sweep, change < tolerance, change);
    }

    /** Start values: the first principal components of the vote matrix (yes 1, abstain 0, no -1, centred per roll call). */
    void start() {
        double[][] matrix = new double[n][j];
        double[] sum = new double[j];
        int[] count = new int[j];
        for (int v = 0; v < votes.size(); v++) {
            sum[votes.item(v)] += votes.vote(v) - 1;
            count[votes.item(v)]++;
        }
        for (int v = 0; v < votes.size(); v++) {
            matrix[votes.delegation(v)][votes.item(v)] = votes.vote(v) - 1 - sum[votes.item(v)] / count[votes.item(v)];
        }
        RealMatrix u = new SingularValueDecomposition(new Array2DRowRealMatrix(matrix, false)).getU();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i * d + k] = u.getEntry(i, k) * Math.sqrt(n);
            }
        }
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Log-likelihood of one vote given u1 and u2, with its first and second derivatives:
     * {@code out = {l, dl/du1, dl/du2, d2l/du1^2, d2l/du1du2, d2l/du2^2}}.
     */
    static void voteTerms(int vote, double u1, double u2, double[] out) {
        Arrays.fill(out, 0);
        if (vote == 0) {
            double p1 = logistic(u1);
            out[0] = -Math.log1p(Math.exp(u1));
            if (u1 > 30) {
                out[0] = -u1;
            }
            out[1] = -p1;
            out[3] = -p1 * (1 - p1);
        } else if (vote == 2) {
            double p2 = logistic(u2);
            out[0] = u2 < -30 ? u2 : -Math.log1p(Math.exp(-u2));
            out[2] = 1 - p2;
            out[5] = -p2 * (1 - p2);
        } else {
            double p1 = logistic(u1);
            double p2 = logistic(u2);
            double f1 = p1 * (1 - p1);
            double f2 = p2 * (1 - p2);
            double diff = Math.max(p1 - p2, 1e-300);
            out[0] = Math.log(diff);
            out[1] = f1 / diff;
            out[2] = -f2 / diff;
            out[3] = (f1 * (1 - 2 * p1) * diff - f1 * f1) / (diff * diff);
            out[4] = f1 * f2 / (diff * diff);
            out[5] = (-f2 * (1 - 2 * p2) * diff - f2 * f2) / (diff * diff);
        }
    }

    private double u1(int m, int i) {
        double u = a[m];
        for (int k = 0; k < d; k++) {
            u += b[m * d + k] * x[i * d + k];
        }
        return u;
    }

    /** Item m's block (a, b_1..b_D, delta): log posterior, gradient and Hessian. */
    private double itemBlock(int m, double[] g, double[][] h) {
        int p = d + 2;
        double[] terms = new double[6];
        double[] du1 = new double[p];
        double[] du2 = new double[p];
        double total = 0;
        Arrays.fill(g, 0);
        for (double[] row : h) {
            Arrays.fill(row, 0);
        }
        for (int v : byItem[m]) {
            int i = votes.delegation(v);
            double u1 = u1(m, i);
            voteTerms(votes.vote(v), u1, u1 - delta[m], terms);
            total += terms[0];
            du1[0] = 1;
            du2[0] = 1;
            for (int k = 0; k < d; k++) {
                du1[1 + k] = x[i * d + k];
                du2[1 + k] = x[i * d + k];
            }
            du1[p - 1] = 0;
            du2[p - 1] = -1;
            for (int r = 0; r < p; r++) {
                g[r] += terms[1] * du1[r] + terms[2] * du2[r];
                for (int c = 0; c < p; c++) {
                    h[r][c] += terms[3] * du1[r] * du1[c] + terms[4] * (du1[r] * du2[c] + du2[r] * du1[c])
                            + terms[5] * du2[r] * du2[c];
                }
            }
        }
        double precision = 1 / (ITEM_SD * ITEM_SD);
        double[] theta = itemParameters(m);
        for (int r = 0; r < p; r++) {
            total -= 0.5 * precision * theta[r] * theta[r];
            g[r] -= precision * theta[r];
            h[r][r] -= precision;
        }
        return total;
    }

    private double[] itemParameters(int m) {
        double[] theta = new double[d + 2];
        theta[0] = a[m];
        System.arraycopy(b, m * d, theta, 1, d);
        theta[d + 1] = delta[m];
        return theta;
    }

    private void setItem(int m, double[] theta) {
        a[m] = theta[0];
        System.arraycopy(theta, 1, b, m * d, d);
        delta[m] = theta[d + 1];
    }

    /** One damped Newton step on item m's block. */
    void newtonItem(int m) {
        int p = d + 2;
        double[] g = new double[p];
        double[][] h = new double[p][p];
        double before = itemBlock(m, g, h);
        double[] step = newtonStep(g, h);
        double[] theta = itemParameters(m);
        for (double scale = 1; scale > 1e-6; scale /= 2) {
            double[] trial = theta.clone();
            for (int r = 0; r < p; r++) {
                trial[r] += scale * step[r];
            }
            if (trial[p - 1] < MIN_DELTA) {
                continue;
            }
            setItem(m, trial);
            if (itemBlock(m, new double[p], new double[p][p]) >= before - 1e-12) {
                return;
            }
        }
        setItem(m, theta);
    }

    /** Delegation i's block: log posterior, gradient and Hessian in x_i. */
    private double delegationBlock(int i, double[] g, double[][] h) {
        double[] terms = new double[6];
        double total = 0;
        Arrays.fill(g, 0);
        for (double[] row : h) {
            Arrays.fill(row, 0);
        }
        for (int v : byDelegation[i]) {
            int m = votes.item(v);
            double u1 = u1(m, i);
            voteTerms(votes.vote(v), u1, u1 - delta[m], terms);
            total += terms[0];
            double first = terms[1] + terms[2];
            double second = terms[3] + 2 * terms[4] + terms[5];
            for (int r = 0; r < d; r++) {
                g[r] += first * b[m * d + r];
                for (int c = 0; c < d; c++) {
                    h[r][c] += second * b[m * d + r] * b[m * d + c];
                }
            }
        }
        double precision = 1 / (POSITION_SD * POSITION_SD);
        for (int r = 0; r < d; r++) {
            total -= 0.5 * precision * x[i * d + r] * x[i * d + r];
            g[r] -= precision * x[i * d + r];
            h[r][r] -= precision;
        }
        return total;
    }

    /**
     * With two dimensions the posterior is the same for every rotation of the positions about the
     * origin (with the roll calls' b_j rotated alike: the priors are isotropic), so the ascent would
     * drift along that ridge: after each sweep, positions and b_j are turned to the principal axes of
     * the positions (the rotation closest to the identity), which leaves the posterior unchanged.
     */
    void align() {
        if (d < 2) {
            return;
        }
        double[][] moments = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    moments[r][c] += x[i * d + r] * x[i * d + c];
                }
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(moments));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] rotation = new double[d][];
        for (int row = 0; row < d; row++) {
            rotation[row] = eigen.getEigenvector(order[row]).toArray();
            if (rotation[row][row] < 0) {
                for (int k = 0; k < d; k++) {
                    rotation[row][k] = -rotation[row][k];
                }
            }
        }
        rotate(x, n, rotation);
        rotate(b, j, rotation);
    }

    private void rotate(double[] points, int count, double[][] rotation) {
        double[] turned = new double[d];
        for (int c = 0; c < count; c++) {
            for (int row = 0; row < d; row++) {
                turned[row] = 0;
                for (int k = 0; k < d; k++) {
                    turned[row] += rotation[row][k] * points[c * d + k];
                }
            }
            System.arraycopy(turned, 0, points, c * d, d);
        }
    }

    /** One damped Newton step on delegation i's position; returns how far it moved. */
    double newtonDelegation(int i) {
        double[] g = new double[d];
        double[][] h = new double[d][d];
        double before = delegationBlock(i, g, h);
        double[] step = newtonStep(g, h);
        double[] old = Arrays.copyOfRange(x, i * d, i * d + d);
        for (double scale = 1; scale > 1e-6; scale /= 2) {
            for (int k = 0; k < d; k++) {
                x[i * d + k] = old[k] + scale * step[k];
            }
            if (delegationBlock(i, new double[d], new double[d][d]) >= before - 1e-12) {
                double moved = 0;
                for (int k = 0; k < d; k++) {
                    moved = Math.max(moved, Math.abs(x[i * d + k] - old[k]));
                }
                return moved;
            }
        }
        System.arraycopy(old, 0, x, i * d, d);
        return 0;
    }

    /** The Newton step -H^-1 g (H negative definite: the priors make every block strictly concave). */
    private static double[] newtonStep(double[] g, double[][] h) {
        int p = g.length;
        double[][] negative = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                negative[r][c] = -h[r][c];
            }
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(negative, false), 1e-10, 1e-14)
                    .getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
        } catch (NonPositiveDefiniteMatrixException e) {
            return g.clone(); // a gradient step when the curvature is numerically lost
        }
    }

    /** The fitted model's P(no), P(abstain), P(yes) for delegation i on roll call m (indexes of the fitted roll calls). */
    public double[] probabilities(int i, int m) {
        double u1 = u1(m, i);
        double atLeastAbstain = logistic(u1);
        double yes = logistic(u1 - delta[m]);
        return new double[] {1 - atLeastAbstain, atLeastAbstain - yes, yes};
    }

    /** The total log posterior (for reports). */
    double logPosterior() {
        double total = 0;
        for (int m = 0; m < j; m++) {
            total += itemBlock(m, new double[d + 2], new double[d + 2][d + 2]);
        }
        for (int i = 0; i < n; i++) {
            double[] own = Arrays.copyOfRange(x, i * d, i * d + d);
            for (double value : own) {
                total -= 0.5 * value * value / (POSITION_SD * POSITION_SD);
            }
        }
        return total;
    }

    /** Centres, rotates to principal axes, scales to sd 1 and signs by the anchor; 90% Laplace intervals. */
    private Estimate identified(String anchor, int sweeps, boolean converged, double change) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k] / n;
            }
        }
        double[][] covariance = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    covariance[r][c] += (x[i * d + r] - mean[r]) * (x[i * d + c] - mean[c]) / n;
                }
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance));
        // Rows of the map: principal axes, largest variance first, each scaled to standard deviation 1.
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        double[] values = eigen.getRealEigenvalues();
        Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] map = new double[d][d];
        int anchorIndex = anchor == null ? -1 : votes.delegations().indexOf(anchor);
        for (int row = 0; row < d; row++) {
            double[] axis = eigen.getEigenvector(order[row]).toArray();
            double sd = Math.sqrt(Math.max(values[order[row]], 1e-300));
            double sign = 1;
            if (anchorIndex >= 0) {
                double projected = 0;
                for (int k = 0; k < d; k++) {
                    projected += axis[k] * (x[anchorIndex * d + k] - mean[k]);
                }
                sign = projected < 0 ? -1 : 1;
            }
            for (int k = 0; k < d; k++) {
                map[row][k] = sign * axis[k] / sd;
            }
        }
        double[] estimate = new double[n * d];
        double[] low = new double[n * d];
        double[] high = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            delegationBlock(i, g, h);
            RealMatrix precision = new Array2DRowRealMatrix(h).scalarMultiply(-1);
            RealMatrix cov = new org.apache.commons.math3.linear.LUDecomposition(precision).getSolver().getInverse();
            RealMatrix mapped = new Array2DRowRealMatrix(map).multiply(cov).multiply(new Array2DRowRealMatrix(map).transpose());
            for (int row = 0; row < d; row++) {
                double value = 0;
                for (int k = 0; k < d; k++) {
                    value += map[row][k] * (x[i * d + k] - mean[k]);
                }
                double half = Z90 * Math.sqrt(mapped.getEntry(row, row));
                estimate[i * d + row] = value;
                low[i * d + row] = value - half;
                high[i * d + row] = value + half;
            }
        }
        return new Estimate(d, estimate, low, high, sweeps, logPosterior(), converged, change, this);
    }
}
