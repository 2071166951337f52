package org.plenary.results;

import java.util.ArrayList;
import java.util.List;
import org.plenary.scenario.Scenario;

/**
 * Names a coalition in charts by what it is: by the blocs of its members, or, where coalitions
 * have leaders (coalition formation on), by its leader and the bloc it stands for.
 */
@FunctionalInterface
public interface CoalitionNamer {
    /** The share of a coalition's members the blocs in a {@link #byBlocs} name should hold. */
    double COVER = 0.75;

    /** A short name for the coalition, given which delegations are withdrawn at that stage. */
    String name(FlowReplication.Group coalition, boolean[] withdrawn);

    /**
     * The declared blocs most of its members belong to: the bloc with the most members, then the
     * next, until the blocs named hold at least {@value #COVER} of the members (at most three);
     * "no bloc" when none of them is in one.
     */
    static CoalitionNamer byBlocs(Scenario scenario) {
        return (coalition, withdrawn) -> {
            int[] members = coalition.members();
            List<String> names = new ArrayList<>();
            boolean[] covered = new boolean[members.length];
            int coveredCount = 0;
            while (names.size() < 3 && coveredCount < COVER * members.length) {
                String best = null;
                int bestCount = 0;
                for (Scenario.Bloc bloc : scenario.blocs()) {
                    int count = 0;
                    for (int j = 0; j < members.length; j++) {
                        if (!covered[j] && inBloc(scenario, members[j], bloc.id())) {
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
                    if (!covered[j] && inBloc(scenario, members[j], best)) {
                        covered[j] = true;
                        coveredCount++;
                    }
                }
            }
            return names.isEmpty() ? "no bloc" : String.join(" + ", names);
        };
    }

    /**
     * "CEPT, led by DEU": the coalition's leader, after the bloc it stands for when there is one
     * ({@link #standsFor}); "led by CHN" when it stands for no bloc; the bloc alone, or "no bloc",
     * when it has no leader.
     */
    static CoalitionNamer byLeaderAndBloc(Scenario scenario) {
        return (coalition, withdrawn) -> {
            String bloc = standsFor(scenario, coalition.members(), withdrawn);
            if (coalition.leader() == null) {
                return bloc != null ? bloc : "no bloc";
            }
            return (bloc != null ? bloc + ", led by " : "led by ") + coalition.leader();
        };
    }

    /**
     * The bloc a coalition stands for, or null: the declared bloc with the most of its members (ties:
     * the first declared), provided its members are more than half of the coalition AND the
     * coalition holds more than half of the bloc's members still in the assembly. The second
     * condition keeps a few members of a large bloc (China, Iran and Russia: two of the 38 APT
     * members and one RCC member) from being named after it.
     */
    static String standsFor(Scenario scenario, int[] members, boolean[] withdrawn) {
        String best = null;
        int bestCount = 0;
        for (Scenario.Bloc bloc : scenario.blocs()) {
            int count = 0;
            for (int member : members) {
                if (inBloc(scenario, member, bloc.id())) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = bloc.id();
                bestCount = count;
            }
        }
        if (best == null || 2 * bestCount <= members.length) {
            return null;
        }
        int inAssembly = 0;
        for (int i = 0; i < scenario.delegations().size(); i++) {
            if (!withdrawn[i] && inBloc(scenario, i, best)) {
                inAssembly++;
            }
        }
        return 2 * bestCount > inAssembly ? best : null;
    }

    private static boolean inBloc(Scenario scenario, int delegation, String bloc) {
        return scenario.delegations().get(delegation).groups().contains(bloc);
    }
}
