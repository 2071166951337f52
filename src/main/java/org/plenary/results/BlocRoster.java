package org.plenary.results;

import java.util.ArrayList;
import java.util.List;
import org.plenary.scenario.Scenario;

/**
 * Who counts in a bloc's mean position at each round: its declared members as the scenario's join
 * and leave events change them (from the event's round on, as the model applies them before the
 * round's steps), each counted until the round it withdraws in (its position then is where it stood
 * when it left) and again from a round it re-engages in full. Events are scheduled, so the roster is
 * the same in every replication.
 */
final class BlocRoster {
    /** The name of the delegations in no declared bloc. */
    static final String NO_BLOC = "no bloc";

    private final String name;
    /** {@code counts[t][i]}: whether delegation i is in the mean at round t. */
    private final boolean[][] counts;

    private BlocRoster(String name, boolean[][] counts) {
        this.name = name;
        this.counts = counts;
    }

    /** Every declared bloc with a member in some round, in declaration order, then "no bloc" if anyone ever is. */
    static List<BlocRoster> blocs(Scenario scenario) {
        List<Scenario.Bloc> declared = scenario.blocs();
        int n = scenario.delegations().size();
        boolean[][] member = new boolean[declared.size()][n];
        for (int g = 0; g < declared.size(); g++) {
            for (int i = 0; i < n; i++) {
                member[g][i] = scenario.delegations().get(i).groups().contains(declared.get(g).id());
            }
        }
        boolean[][][] counts = new boolean[declared.size() + 1][scenario.rounds() + 1][n];
        replay(scenario, (t, i, withdrawn) -> {
            boolean inSome = false;
            for (int g = 0; g < declared.size(); g++) {
                counts[g][t][i] = member[g][i] && !withdrawn;
                inSome |= member[g][i];
            }
            counts[declared.size()][t][i] = !inSome && !withdrawn;
        }, event -> {
            int g = indexOf(declared, event.bloc());
            if (g >= 0) {
                member[g][delegationIndex(scenario, event.delegation())] = event.type() == Scenario.EventType.JOIN;
            }
        });
        List<BlocRoster> rosters = new ArrayList<>();
        for (int g = 0; g <= declared.size(); g++) {
            BlocRoster roster = new BlocRoster(g < declared.size() ? declared.get(g).id() : NO_BLOC, counts[g]);
            if (roster.everCounts()) {
                rosters.add(roster);
            }
        }
        return rosters;
    }

    /** One delegation on its own: counted until it withdraws, and again if it re-engages in full. */
    static BlocRoster delegation(Scenario scenario, String id) {
        int delegation = delegationIndex(scenario, id);
        boolean[][] counts = new boolean[scenario.rounds() + 1][scenario.delegations().size()];
        replay(scenario, (t, i, withdrawn) -> counts[t][i] = i == delegation && !withdrawn, event -> { });
        return new BlocRoster(id, counts);
    }

    private interface Visit {
        void at(int round, int delegation, boolean withdrawn);
    }

    /**
     * Walks the rounds applying the events: {@code membership} gets each join or leave in its round,
     * before {@code visit} sees the round; a withdrawal counts from the round after its own.
     */
    private static void replay(Scenario scenario, Visit visit, java.util.function.Consumer<Scenario.Event> membership) {
        int n = scenario.delegations().size();
        boolean[] withdrawn = new boolean[n];
        for (int t = 0; t <= scenario.rounds(); t++) {
            List<Scenario.Event> leaving = new ArrayList<>();
            for (Scenario.Event event : scenario.events()) {
                if (event.round() != t) {
                    continue;
                }
                switch (event.type()) {
                    case JOIN, LEAVE -> membership.accept(event);
                    case WITHDRAW -> leaving.add(event);
                    case REENGAGE -> {
                        if (event.dimensions().isEmpty() && event.forums().isEmpty()) {
                            withdrawn[delegationIndex(scenario, event.delegation())] = false;
                        }
                    }
                    default -> { } // attributes and disengagement leave the roster as it is
                }
            }
            for (int i = 0; i < n; i++) {
                visit.at(t, i, withdrawn[i]);
            }
            leaving.forEach(event -> withdrawn[delegationIndex(scenario, event.delegation())] = true);
        }
    }

    boolean counts(int round, int delegation) {
        return counts[round][delegation];
    }

    /** How many delegations are in the mean at a round. */
    int size(int round) {
        int size = 0;
        for (boolean in : counts[round]) {
            size += in ? 1 : 0;
        }
        return size;
    }

    /** More changes of the count than this, and the label gives only the first count and the last change. */
    static final int LISTED_CHANGES = 3;

    /**
     * The legend label: the count at round 0, then each change with the round it holds from:
     * "FOC (mean of 42)", "FOC (mean of 42, 41 from round 1)"; beyond {@value #LISTED_CHANGES}
     * changes, "X (mean of 9, ..., 12 from round 40)".
     */
    String label() {
        List<String> changes = new ArrayList<>();
        for (int t = 1; t < counts.length; t++) {
            if (size(t) != size(t - 1)) {
                changes.add(size(t) + " from round " + t);
            }
        }
        if (changes.size() > LISTED_CHANGES) {
            changes = List.of("...", changes.get(changes.size() - 1));
        }
        StringBuilder label = new StringBuilder(name).append(" (mean of ").append(size(0));
        changes.forEach(change -> label.append(", ").append(change));
        return label.append(')').toString();
    }

    private boolean everCounts() {
        for (boolean[] round : counts) {
            for (boolean in : round) {
                if (in) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(List<Scenario.Bloc> blocs, String id) {
        for (int g = 0; g < blocs.size(); g++) {
            if (blocs.get(g).id().equals(id)) {
                return g;
            }
        }
        return -1;
    }

    private static int delegationIndex(Scenario scenario, String id) {
        for (int i = 0; i < scenario.delegations().size(); i++) {
            if (scenario.delegations().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no delegation " + id);
    }
}
