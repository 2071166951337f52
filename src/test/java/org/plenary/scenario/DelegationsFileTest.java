package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

class DelegationsFileTest {
    @TempDir
    Path dir;

    private static final String CSV = """
            id,name,iso,groups,capability,position.a,position.b,salience.a
            USA,United States,USA,CITEL;FOC,30,0.1,0.2,0.9
            FRA,France,FRA,CEPT,25,0.7,0.8,
            """;

    private static final String SCENARIO = Scenarios.TWO_DIMENSIONS + """
            delegations_file: states.csv
            delegations:
              - {id: FRA, capability: 20}
              - {id: NEW, position: {a: 0.5, b: 0.5}}
            """;

    @Test
    void rowsBecomeDelegationsAndInlineEntriesPatchThem() throws Exception {
        Scenarios.write(dir, "states.csv", CSV);
        Path file = Scenarios.write(dir, "scenario.yaml", SCENARIO);
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(file, List.of(
                Overrides.Assignment.parse("delegations.USA.capability=3")));
        Scenario s = loaded.scenario();
        assertEquals(List.of("USA", "FRA", "NEW"), s.delegations().stream().map(Scenario.Delegation::id).toList());
        assertEquals(3.0, s.delegations().get(0).capability(), "--set reaches rows from the file");
        assertEquals(List.of("CITEL", "FOC"), s.delegations().get(0).groups());
        assertEquals(0.9, s.delegations().get(0).salience()[0]);
        assertEquals(0.5, s.delegations().get(1).salience()[0], "an empty cell takes the default");
        assertEquals(20.0, s.delegations().get(1).capability(), "inline entries patch the row");
        assertEquals(List.of("iso"), loaded.referenceColumns());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    }

    @Test
    void badCellsNameTheFileRowAndColumn() {
        Scenarios.write(dir, "states.csv", CSV.replace(",30,", ",thirty,"));
        List<String> problems = Scenarios.problems(dir, SCENARIO);
        assertTrue(problems.get(0).contains("states.csv:2: capability: must be a number"), problems.toString());
        Scenarios.write(dir, "states.csv", CSV.replace("0.1,0.2,0.9", "1.1,0.2,0.9"));
        List<String> range = Scenarios.problems(dir, SCENARIO);
        assertTrue(range.get(0).contains("states.csv:2: delegations[USA].position.a: out of range"), range.toString());
    }

    @Test
    void aMissingFileIsReportedAtTheKey() {
        List<String> problems = Scenarios.problems(dir, SCENARIO);
        assertTrue(problems.get(0).contains("scenario.yaml:8: delegations_file: file not found"), problems.toString());
    }
}
