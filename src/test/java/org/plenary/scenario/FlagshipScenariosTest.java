package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.sim.Experiment;

/**
 * The flagship scenarios of the scenario library: each validates, covers the 194 Member States
 * with positions and saliences in range, and all of them derive the same preferences from their
 * copies of the shared profile block, so the copies cannot drift apart.
 */
class FlagshipScenariosTest {
    static final List<String> FLAGSHIPS = List.of("itu-baseline", "wtdc25-us-disengages", "us-withdraws",
            "europe-coordinates", "wcit12-replay", "unga-ict-2018");
    /** The assembly flagships (all but the WCIT-12 replay): same agenda, decision rule, chair and seed. */
    static final List<String> ASSEMBLY = List.of("itu-baseline", "wtdc25-us-disengages", "us-withdraws",
            "europe-coordinates");

    static Map<String, ScenarioLoader.Loaded> loaded;

    static Path file(String name) {
        return Path.of("scenarios", name + ".yaml");
    }

    @BeforeAll
    static void load() throws InputException {
        loaded = new LinkedHashMap<>();
        for (String name : FLAGSHIPS) {
            loaded.put(name, ScenarioLoader.load(file(name), List.of()));
        }
    }

    static Scenario scenario(String name) {
        return loaded.get(name).scenario();
    }

    @Test
    void everyFlagshipValidatesAndSeatsThe194MemberStates() {
        for (String name : FLAGSHIPS) {
            Scenario s = scenario(name);
            assertEquals(name, s.name());
            assertEquals(194, s.delegations().size(), name);
            assertEquals(List.of(), loaded.get(name).warnings(), name);
        }
    }

    @Test
    void everyStateHasPositionsAndSaliencesInRange() {
        for (String name : FLAGSHIPS) {
            for (Scenario.Delegation d : scenario(name).delegations()) {
                assertEquals(3, d.position().length);
                for (int k = 0; k < 3; k++) {
                    double x = d.position()[k];
                    double s = d.salience()[k];
                    assertTrue(x >= 0 && x <= 1, name + " " + d.id() + " position " + x);
                    assertTrue(s >= 0 && s <= 1, name + " " + d.id() + " salience " + s);
                }
                assertTrue(d.capability() > 0, d.id());
            }
        }
    }

    @Test
    void allFlagshipsDeriveIdenticalPreferences() {
        Scenario reference = scenario(FLAGSHIPS.get(0));
        for (String name : FLAGSHIPS.subList(1, FLAGSHIPS.size())) {
            Scenario other = scenario(name);
            assertEquals(reference.dimensions(), other.dimensions(), name);
            for (int i = 0; i < reference.delegations().size(); i++) {
                Scenario.Delegation a = reference.delegations().get(i);
                Scenario.Delegation b = other.delegations().get(i);
                assertEquals(a.id(), b.id(), name);
                assertArrayEquals(a.position(), b.position(), 0.0, name + ": position of " + a.id());
                assertArrayEquals(a.salience(), b.salience(), 0.0, name + ": salience of " + a.id());
                assertEquals(a.groups(), b.groups(), name + ": groups of " + a.id());
                assertEquals(a.capability(), b.capability(), 0.0, name + ": capability of " + a.id());
                assertEquals(a.openness(), b.openness(), 0.0, name + ": openness of " + a.id());
                assertEquals(a.tolerance(), b.tolerance(), 0.0, name + ": tolerance of " + a.id());
                assertEquals(a.objectionThreshold(), b.objectionThreshold(), 0.0, name + ": threshold of " + a.id());
            }
            assertEquals(reference.blocs(), other.blocs(), name);
            assertEquals(reference.influence(), other.influence(), name);
            assertEquals(reference.coalitions(), other.coalitions(), name);
        }
    }

    @Test
    void theAssemblyScenariosDifferOnlyInTheirEvents() {
        Scenario reference = scenario(ASSEMBLY.get(0));
        for (String name : ASSEMBLY) {
            Scenario other = scenario(name);
            assertEquals(reference.decision(), other.decision(), name);
            assertEquals(reference.chair(), other.chair(), name);
            assertEquals(reference.rounds(), other.rounds(), name);
            assertEquals(reference.seed(), other.seed(), name + ": same seed, so runs differ by their events only");
            assertEquals(reference.agenda().size(), other.agenda().size(), name);
            for (int m = 0; m < reference.agenda().size(); m++) {
                Scenario.Item a = reference.agenda().get(m);
                Scenario.Item b = other.agenda().get(m);
                assertEquals(a.id(), b.id());
                assertEquals(a.forum(), b.forum());
                assertEquals(a.deadline(), b.deadline());
                assertArrayEquals(a.weights(), b.weights(), 0.0);
                assertArrayEquals(a.statusQuo(), b.statusQuo(), 0.0);
            }
        }
        assertEquals(Scenario.Rule.VOTE, scenario("wcit12-replay").decision().rule(), "treaty-style vote");
    }

    @Test
    void eachFileStartsWithItsQuestionAndAssumptions() throws IOException {
        for (String name : FLAGSHIPS) {
            String text = Files.readString(file(name), StandardCharsets.UTF_8);
            String header = text.substring(0, text.indexOf("\nname:"));
            assertTrue(header.lines().allMatch(line -> line.isEmpty() || line.startsWith("#")), name);
            assertTrue(header.contains("Question:"), name + " header states its question");
            assertTrue(header.contains("Assumptions"), name + " header states its assumptions");
        }
    }

    /** The documented rules that name states are the data file's columns, not hand-picked lists. */
    @Test
    void ruleBasedListsFollowTheDataFile() throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(MemberStatesDataTest.FILE, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            csv.forEach(row -> rows.put(row.get("id"), row));
        }
        Set<String> ceptSignatories = new TreeSet<>();
        Set<String> otherSignatories = new TreeSet<>();
        rows.forEach((id, row) -> {
            if (row.get("pp22_hr_statement").equals("true")) {
                (List.of(row.get("groups").split(";")).contains("CEPT") ? ceptSignatories : otherSignatories).add(id);
            }
        });
        // europe-coordinates raises human-rights salience for exactly the CEPT signatories.
        Set<String> raised = new TreeSet<>();
        for (Scenario.Event e : scenario("europe-coordinates").events()) {
            if (e.type() == Scenario.EventType.SET && "salience.human_rights".equals(e.attribute())) {
                raised.add(e.delegation());
                assertEquals(0.95, e.value(), 0.0);
            }
        }
        assertEquals(ceptSignatories, raised);
        // The profile rule "+0.20 on human_rights" goes to exactly the signatories outside CEPT.
        JsonNode adjust = new ObjectMapper(new YAMLFactory()).readTree(file("itu-baseline").toFile())
                .path("profiles").path("adjust");
        Set<String> plus = new TreeSet<>();
        adjust.fields().forEachRemaining(entry -> {
            if (entry.getValue().path("position").path("human_rights").asDouble() == 0.20) {
                plus.add(entry.getKey());
            }
        });
        assertEquals(otherSignatories, plus);
    }

    @Test
    void aFlagshipRunsAndTheWithdrawnUsNeverObjectsAgain() throws Exception {
        List<Overrides.Assignment> shorter = List.of(Overrides.Assignment.parse("replications=2"),
                Overrides.Assignment.parse("rounds=14"));
        Scenario s = ScenarioLoader.load(file("us-withdraws"), shorter).scenario();
        int usa = -1;
        for (int i = 0; i < s.delegations().size(); i++) {
            usa = s.delegations().get(i).id().equals("USA") ? i : usa;
        }
        List<ReplicationRecord> records = new ArrayList<>();
        Experiment.run(s, 0, 2, records::add);
        assertEquals(2, records.size());
        for (ReplicationRecord record : records) {
            assertEquals(ReplicationRecord.WITHDRAWN, record.status(14, usa));
            for (int item = 0; item < record.items(); item++) {
                for (int t = 10; t <= 14; t++) {
                    assertFalse(record.objecting(t, item, usa), "withdrawn at round 10");
                }
            }
            assertTrue(record.itemState(14, 1) != ItemState.OPEN, "back-to-basics closes once the US is gone");
        }
    }
}
