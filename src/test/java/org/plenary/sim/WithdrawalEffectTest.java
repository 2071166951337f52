package org.plenary.sim;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/**
 * The effect the tool exists to show: on the bundled scenario, the US disengaging and withdrawing
 * changes who objects, when consensus comes and where texts land, against the same scenario
 * without the events. Same seeds on both sides, so the difference is the events' alone.
 */
class WithdrawalEffectTest {

    private static List<ReplicationRecord> run(String... sets) throws Exception {
        List<Overrides.Assignment> assignments = new ArrayList<>();
        assignments.add(Overrides.Assignment.parse("replications=8"));
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/small-assembly.yaml"), assignments).scenario();
        List<ReplicationRecord> records = new ArrayList<>();
        Experiment.run(scenario, 0, 2, records::add);
        return records;
    }

    @Test
    void withdrawalChangesObjectorsTimingAndTexts() throws Exception {
        List<ReplicationRecord> withEvents = run();
        List<ReplicationRecord> without = run("events=[]");
        int usa = 0; // first delegation in the file
        int objectionsAfterWithdrawal = 0;
        int objectionsWithoutWithdrawal = 0;
        double decidedWith = 0;
        double decidedWithout = 0;
        double textGap = 0;
        for (int r = 0; r < withEvents.size(); r++) {
            ReplicationRecord a = withEvents.get(r);
            ReplicationRecord b = without.get(r);
            for (int item = 0; item < a.items(); item++) {
                decidedWith += a.decidedRound(item);
                decidedWithout += b.decidedRound(item);
                for (int k = 0; k < a.dimensions(); k++) {
                    double x = a.draft(a.rounds(), item, k);
                    double y = b.draft(b.rounds(), item, k);
                    if (!Double.isNaN(x)) {
                        textGap += Math.abs(x - y);
                    }
                }
                for (int t = 5; t <= a.rounds(); t++) {
                    objectionsAfterWithdrawal += t >= 12 && a.objecting(t, item, usa) ? 1 : 0;
                    objectionsWithoutWithdrawal += b.objecting(t, item, usa) ? 1 : 0;
                }
            }
        }
        assertTrue(objectionsAfterWithdrawal == 0, "a withdrawn delegation never objects");
        assertTrue(objectionsWithoutWithdrawal > 0, "engaged, the US keeps objecting after round 5");
        assertNotEquals(decidedWith, decidedWithout, "consensus comes at other rounds");
        assertTrue(textGap / withEvents.size() > 0.05, "texts land elsewhere: mean gap " + textGap / withEvents.size());
    }
}
