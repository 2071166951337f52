package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;
import org.plenary.model.ItemState;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.AssemblySim;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/**
 * Properties of the coalition game (docs/ODD.md 7.4b) with every model v2 mechanism together, over
 * seeded random assemblies: the energy never rises between events, nothing moves in rounds where
 * nothing changes, and outcomes do not depend on the order of the file. Position noise, attendance
 * and vote discipline draw per delegation in file order (a reordered file is another random stream,
 * alike in distribution), so the order test runs without them.
 */
class CoalitionPropertiesTest {
    private static final int SEEDS = 12;
    private static final int EVENT_ROUND = 6;
    private static final Set<String> MEMBERSHIP = Set.of("join", "defect", "leave", "found", "merge", "dissolve", "succession");

    @TempDir
    Path dir;

    /** Twelve delegations with drawn ideal points, saliences and capabilities, in two blocs and two forums. */
    private static String assembly(long seed, boolean reversed, String mechanisms) {
        Random draw = new Random(seed);
        List<String> delegations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String bloc = i % 3 == 0 ? "" : i % 3 == 1 ? "groups: [N], " : "groups: [S], ";
            delegations.add(String.format(Locale.ROOT,
                    "  - {id: D%02d, %sposition: {a: %.3f, b: %.3f}, salience: {a: %.2f, b: %.2f}, capability: %.1f}",
                    i, bloc, draw.nextDouble(), draw.nextDouble(), 0.2 + 0.8 * draw.nextDouble(),
                    0.2 + 0.8 * draw.nextDouble(), 0.5 + 4 * draw.nextDouble()));
        }
        List<String> dimensions = new ArrayList<>(List.of("{id: a}", "{id: b}"));
        if (reversed) {
            Collections.reverse(delegations);
            Collections.reverse(dimensions);
        }
        return "name: prop\nseed: " + seed + "\nrounds: 12\nreplications: 1\ndimensions: [" + String.join(", ", dimensions)
                + "]\ndelegations:\n" + String.join("\n", delegations) + "\n" + """
                blocs: [{id: N, cohesion: 0.6}, {id: S, cohesion: 0.4, leaders: [D02]}]
                influence: {model: hegselmann-krause, rate: 0.3, anchor: 0.1, noise: 0}
                delegation_defaults: {openness: 0.5, tolerance: 0.4, objection_threshold: 0.05}
                agenda:
                  - {id: x, forum: plenary, weights: {a: 1, b: 0.5}, status_quo: {a: 0.5, b: 0.5}, deadline: 10, sponsor: N}
                  - {id: y, forum: ad-hoc, weights: {b: 1}, status_quo: {b: 0.3}, deadline: 11}
                decision: {rule: consensus, fallback: vote, objections: aspiration}
                coalition_formation: {model: alliance, reach: 0.3, bloc_affinity: 1, min_members: 2}
                agenda_setting: {model: tabling, proposers: 1}
                exchange: {model: stokman, rate: 0.5}
                events:
                  - {round: 6, type: withdraw, delegation: D04}
                  - {round: 6, type: set, delegation: D05, attribute: position.a, value: 0.95}
                """ + mechanisms;
    }

    @Test
    void theEnergyNeverRisesBetweenEventsAndNothingMovesWhenNothingChanges() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario s = Scenarios.load(dir, assembly(seed, false,
                    "attendance: {model: capacity, full_capability: 4, exponent: 1}\nvoting: {discipline: bloc}\n"));
            CoalitionFormation meter = new CoalitionFormation(s.formation(), s.blocs(), true);
            List<double[]> energies = new ArrayList<>();
            List<boolean[]> open = new ArrayList<>();
            List<Integer> membershipEvents = new ArrayList<>();
            AssemblySim sim = new AssemblySim(s, seed, List.of((Assembly a) -> {
                double[] e = new double[a.items];
                boolean[] o = new boolean[a.items];
                for (int m = 0; m < a.items; m++) {
                    o[m] = a.itemState[m] == ItemState.OPEN;
                    e[m] = o[m] ? meter.energy(a, m) : Double.NaN;
                }
                energies.add(e);
                open.add(o);
                membershipEvents.add((int) a.actors().events().stream().filter(ev -> MEMBERSHIP.contains(ev.type())).count());
            }));
            sim.runAll();
            for (int t = 1; t < energies.size(); t++) {
                for (int m = 0; m < 2; m++) {
                    if (t != EVENT_ROUND && open.get(t)[m]) {
                        assertTrue(energies.get(t)[m] <= energies.get(t - 1)[m] + 1e-12,
                                "seed " + seed + " item " + m + " round " + t + ": " + energies.get(t - 1)[m] + " -> " + energies.get(t)[m]);
                    }
                }
                if (t >= 2 && t != EVENT_ROUND) {
                    assertEquals(0, membershipEvents.get(t), "seed " + seed + " round " + t + ": positions drift, alignments do not");
                }
            }
        }
    }

    @Test
    void outcomesAndCoalitionsDoNotDependOnTheOrderOfDelegationsAndDimensions() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario first = Scenarios.load(dir, assembly(seed, false, ""));
            Scenario second = Scenarios.load(dir, assembly(seed, true, ""));
            ReplicationRecord listed = Experiment.replicate(first, 0, 1);
            ReplicationRecord reversed = Experiment.replicate(second, 0, 1);
            String context = "seed " + seed;
            for (int m = 0; m < 2; m++) {
                assertEquals(listed.finalState(m), reversed.finalState(m), context);
                assertEquals(listed.decidedRound(m), reversed.decidedRound(m), context);
                assertEquals(listed.textInForce(m, 0), reversed.textInForce(m, 1), 1e-9, context + " dimension a");
                assertEquals(listed.textInForce(m, 1), reversed.textInForce(m, 0), 1e-9, context + " dimension b");
            }
            for (int t = 0; t <= 12; t++) {
                assertEquals(memberships(first, listed, t), memberships(second, reversed, t), context + " round " + t);
            }
            assertEquals(leaders(listed.actors()), leaders(reversed.actors()), context);
        }
    }

    /** Each coalition of a round as "id: members by id". */
    private static Set<String> memberships(Scenario s, ReplicationRecord record, int round) {
        Set<String> set = new TreeSet<>();
        for (Coalition c : record.coalitions(round)) {
            Set<String> members = new TreeSet<>();
            for (int i : c.members()) {
                members.add(s.delegations().get(i).id());
            }
            set.add(c.id() + ": " + members);
        }
        return set;
    }

    private static List<String> leaders(ActorRecord actors) {
        return actors.leaders().stream().map(l -> l.round() + " " + l.coalition() + " " + l.leader()).sorted().toList();
    }
}
