package org.plenary.dynamics;

import java.util.Arrays;
import org.plenary.model.Assembly;

/**
 * A copy of everything the coalition game's choices depend on (docs/ODD.md 7.4b): ideal points,
 * salience in force, capabilities, bloc cohesion and membership, and who can belong (votes,
 * withdrawal, forum disengagement). While none of it changes, a settled item stays settled, so the
 * game skips its pass. Negotiating positions and attendance are not among them.
 */
final class AlignmentInputs {
    private double[] ideal = new double[0];
    private double[] salience = new double[0];
    private double[] capability = new double[0];
    private double[] cohesion = new double[0];
    private boolean[] member = new boolean[0];
    private boolean[] withdrawn = new boolean[0];
    private boolean[] voting = new boolean[0];
    private boolean[] forumDisengaged = new boolean[0];

    boolean sameAs(Assembly a) {
        return Arrays.equals(ideal, a.ideal) && Arrays.equals(salience, a.activeSalience)
                && Arrays.equals(capability, a.capability) && Arrays.equals(cohesion, a.cohesion)
                && Arrays.equals(member, a.member) && Arrays.equals(withdrawn, a.withdrawn)
                && Arrays.equals(voting, a.voting) && Arrays.equals(forumDisengaged, a.forumDisengaged);
    }

    void take(Assembly a) {
        ideal = copy(ideal, a.ideal);
        salience = copy(salience, a.activeSalience);
        capability = copy(capability, a.capability);
        cohesion = copy(cohesion, a.cohesion);
        member = copy(member, a.member);
        withdrawn = copy(withdrawn, a.withdrawn);
        voting = copy(voting, a.voting);
        forumDisengaged = copy(forumDisengaged, a.forumDisengaged);
    }

    private static double[] copy(double[] into, double[] from) {
        if (into.length != from.length) {
            return from.clone();
        }
        System.arraycopy(from, 0, into, 0, from.length);
        return into;
    }

    private static boolean[] copy(boolean[] into, boolean[] from) {
        if (into.length != from.length) {
            return from.clone();
        }
        System.arraycopy(from, 0, into, 0, from.length);
        return into;
    }
}
