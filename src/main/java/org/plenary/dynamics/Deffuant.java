package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * Pairwise bounded-confidence influence after Deffuant, Neau, Amblard &amp; Weisbuch (2000), with
 * capability, salience and an anchor (docs/ODD.md, "Social influence"). Each round holds
 * round(meetings x active delegations) meetings of two distinct active delegations drawn
 * uniformly; each side within its own tolerance of the other moves, from the old values:
 * <pre>
 *   x_ik' = x_ik + o_i mu (1 - rho s_ik) min(1, 2 c_j / (c_i + c_j)) [s_jk &gt; 0] (x_jk - x_ik)
 * </pre>
 * then every active delegation is pulled toward its ideal point by the anchor. With equal
 * capabilities, s = 1, o = 1, rho = 0 and no anchor it is the pure model with convergence mu.
 */
public final class Deffuant implements Mechanism {
    private final double rate;
    private final double anchor;
    private final double salienceResistance;
    private final double meetingsPerDelegation;
    private int[] active = new int[0];
    private double[] before = new double[0];

    public Deffuant(double rate, double anchor, double salienceResistance, double meetingsPerDelegation) {
        this.rate = rate;
        this.anchor = anchor;
        this.salienceResistance = salienceResistance;
        this.meetingsPerDelegation = meetingsPerDelegation;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int n = a.delegations;
        int d = a.dimensions;
        if (active.length != n) {
            active = new int[n];
            before = new double[2 * d];
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (a.isActive(i)) {
                active[count++] = i;
            }
        }
        if (count >= 2) {
            long meetings = Math.round(meetingsPerDelegation * count);
            for (long meeting = 0; meeting < meetings; meeting++) {
                int first = random.nextInt(count);
                int second = random.nextInt(count - 1);
                meet(a, active[first], active[second >= first ? second + 1 : second]);
            }
        }
        for (int c = 0; c < count; c++) {
            int i = active[c];
            for (int k = 0; k < d; k++) {
                a.position[i * d + k] += anchor * (a.ideal[i * d + k] - a.position[i * d + k]);
            }
        }
    }

    private void meet(Assembly a, int i, int j) {
        int d = a.dimensions;
        boolean iListens = Distances.squaredFromView(a, i, j) <= a.tolerance[i] * a.tolerance[i];
        boolean jListens = Distances.squaredFromView(a, j, i) <= a.tolerance[j] * a.tolerance[j];
        System.arraycopy(a.position, i * d, before, 0, d);
        System.arraycopy(a.position, j * d, before, d, d);
        if (iListens) {
            move(a, i, j, 0, d);
        }
        if (jListens) {
            move(a, j, i, d, 0);
        }
    }

    /** Moves {@code listener} toward {@code speaker}'s old position (offsets into {@link #before}). */
    private void move(Assembly a, int listener, int speaker, int listenerOffset, int speakerOffset) {
        int d = a.dimensions;
        double capabilities = a.capability[listener] + a.capability[speaker];
        double weight = capabilities > 0 ? Math.min(1, 2 * a.capability[speaker] / capabilities) : 1;
        double step = a.openness[listener] * rate * weight;
        for (int k = 0; k < d; k++) {
            if (a.activeSalience[speaker * d + k] > 0) {
                double resistance = 1 - salienceResistance * a.activeSalience[listener * d + k];
                a.position[listener * d + k] = before[listenerOffset + k]
                        + step * resistance * (before[speakerOffset + k] - before[listenerOffset + k]);
            }
        }
    }
}
