package org.plenary.dynamics;

import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;

/**
 * Who leads each coalition of the formation game (docs/ODD.md, 7.4b): declared bloc leaders first, else
 * the member with the strongest claim (capability x item salience); agenda-setting ranks proposers by the
 * same claim.
 */
final class CoalitionLeadership {
    /** Relative difference below which two claims to lead are equal (ODD 7.4b). */
    private static final double CLAIM_TOLERANCE = 1e-12;

    private CoalitionLeadership() {
    }

    /**
     * A coalition without a leader among its members (at seeding, or after its leader left) takes
     * the first of its bloc's declared leaders who is a member, else its strongest member; a change
     * of leader is a succession. A leader keeps the lead while it is a member, present or not.
     */
    static void lead(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        for (int s = 0; s < n; s++) {
            if (!actors.alive(m, s)) {
                continue;
            }
            int ms = m * n + s;
            int previous = actors.leader[ms];
            if (previous != CoalitionActors.NONE && actors.coalitionOf[m * n + previous] == s) {
                continue;
            }
            int chosen = CoalitionActors.NONE;
            if (actors.seedBloc[ms] != CoalitionActors.NONE) {
                for (int candidate : actors.declaredLeaders[actors.seedBloc[ms]]) {
                    if (actors.coalitionOf[m * n + candidate] == s) {
                        chosen = candidate;
                        break;
                    }
                }
            }
            if (chosen == CoalitionActors.NONE) {
                chosen = strongest(a, actors, m, s);
            }
            if (chosen == CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "dissolve", actors.id(m, s), "", "no-member"));
                actors.close(m, s);
                continue;
            }
            if (previous != CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "succession", actors.id(m, s), a.delegationIds[chosen],
                        a.delegationIds[previous]));
            }
            actors.leader[ms] = chosen;
        }
    }

    /** The member of coalition s who {@link #outranks} every other. */
    static int strongest(Assembly a, CoalitionActors actors, int m, int s) {
        int chosen = CoalitionActors.NONE;
        for (int i = 0; i < a.delegations; i++) {
            if (actors.coalitionOf(m, i) == s && (chosen == CoalitionActors.NONE || outranks(a, m, i, chosen))) {
                chosen = i;
            }
        }
        return chosen;
    }

    /**
     * Whether i has a stronger claim to lead on item m than j: more capability x item salience (equal
     * within a relative 1e-12); on ties more capability, then the id that comes first (a rule that does not depend on the order of
     * the file).
     */
    static boolean outranks(Assembly a, int m, int i, int j) {
        double wi = a.capability[i] * Distances.itemSalience(a, i, m);
        double wj = a.capability[j] * Distances.itemSalience(a, j, m);
        // Equal to within rounding: a sum of saliences must not depend on the order of the dimensions.
        if (Math.abs(wi - wj) > CLAIM_TOLERANCE * Math.max(Math.abs(wi), Math.abs(wj))) {
            return wi > wj;
        }
        if (a.capability[i] != a.capability[j]) {
            return a.capability[i] > a.capability[j];
        }
        return a.delegationIds[i].compareTo(a.delegationIds[j]) < 0;
    }
}
