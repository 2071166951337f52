package org.plenary.results;

import java.util.ArrayList;
import java.util.List;
import org.plenary.scenario.Scenario;

/**
 * Names a coalition in charts by what it is. Pluggable so that models where coalitions have
 * leaders can name them by their leader instead.
 */
@FunctionalInterface
public interface CoalitionNamer {
    /** A short name for the coalition with these members (delegation indexes) at a round. */
    String name(int[] members, int round);

    /**
     * The declared blocs most of its members belong to: the bloc with the most members, then the
     * next, until the blocs named hold at least {@value #COVER} of the members (at most three);
     * "no bloc" when none of them is in one.
     */
    static CoalitionNamer byBlocs(Scenario scenario) {
        return (members, round) -> {
            List<String> names = new ArrayList<>();
            boolean[] covered = new boolean[members.length];
            int coveredCount = 0;
            while (names.size() < 3 && coveredCount < COVER * members.length) {
                String best = null;
                int bestCount = 0;
                for (Scenario.Bloc bloc : scenario.blocs()) {
                    int count = 0;
                    for (int j = 0; j < members.length; j++) {
                        if (!covered[j] && scenario.delegations().get(members[j]).groups().contains(bloc.id())) {
                            count++;
                        }
                    }
                    if (count > bestCount) {
                        best = bloc.id();
                        bestCount = count;
                    }
                }
                if (best == null) {
                    break;
                }
                names.add(best);
                for (int j = 0; j < members.length; j++) {
                    if (!covered[j] && scenario.delegations().get(members[j]).groups().contains(best)) {
                        covered[j] = true;
                        coveredCount++;
                    }
                }
            }
            return names.isEmpty() ? "no bloc" : String.join(" + ", names);
        };
    }

    /** The share of a coalition's members the blocs in its name should hold. */
    double COVER = 0.75;
}
