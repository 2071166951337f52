package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.testing.Scenarios;

/** KTAB CSV scenarios become ordinary scenarios; malformed ones are refused line by line, column by column. */
class KtabFileTest {
    private static final Path EXAMPLES = Path.of("scenarios/ktab");

    @TempDir
    Path dir;

    private static ScenarioLoader.Loaded load(Path file, String... sets) throws InputException {
        List<Overrides.Assignment> assignments = new java.util.ArrayList<>();
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        return ScenarioLoader.load(file, assignments);
    }

    @Test
    void theTwoDimensionExampleBecomesAScenarioOnTheUnitScale() throws Exception {
        ScenarioLoader.Loaded loaded = load(EXAMPLES.resolve("SOE-Pol-Comp.csv"));
        Scenario s = loaded.scenario();
        assertEquals(100, loaded.positionScale());
        assertEquals("SOE-Pol-Comp", s.name());
        assertTrue(s.description().contains("China Policy/Competitive; scen 2"), s.description());
        assertEquals(List.of("d1", "d2"), s.dimensions().stream().map(Scenario.Dimension::id).toList());
        assertEquals("Policy Position", s.dimensions().get(0).label());
        assertEquals(13, s.delegations().size());
        Scenario.Delegation xi = s.delegations().get(0);
        // Line 3: XJ,Xi Jinping, 100.0,30,24.0,20,48.0
        assertEquals("XJ", xi.id());
        assertEquals("Xi Jinping", xi.name());
        assertEquals(100.0, xi.capability());
        assertEquals(0.30, xi.position()[0]);
        assertEquals(0.24, xi.salience()[0]);
        assertEquals(0.20, xi.position()[1]);
        assertEquals(0.48, xi.salience()[1]);
        Scenario.Delegation last = s.delegations().get(12);
        // Line 15: WY,CNOOC - Wang Yilin, 40.0,15,49.0,60,46.0
        assertEquals("WY", last.id());
        assertEquals(0.15, last.position()[0]);
        assertEquals(0.46, last.salience()[1]);
        assertTrue(s.agenda().isEmpty());
        assertEquals(60, s.rounds(), "everything else takes its default");
    }

    @Test
    void percentagesAreDividedExactly() throws Exception {
        // Line 3 of dummyData_3Dim.csv: SActor-00, ..., 102.543, 75.79, 49.53, 6.37, 5.91, 70.45, 28.15
        Scenario.Delegation first = load(EXAMPLES.resolve("dummyData_3Dim.csv")).scenario().delegations().get(0);
        assertEquals(102.543, first.capability());
        assertEquals(0.7579, first.position()[0], 0.0, "the double nearest 0.7579, not 75.79 / 100");
        assertEquals(0.0591, first.salience()[1], 0.0);
        assertEquals(0.2815, first.salience()[2], 0.0);
    }

    @Test
    void crlfLineEndingsAndAnExtraCellOnLineOneAreReadAsKtabDoes() throws Exception {
        Scenario s = load(EXAMPLES.resolve("dummyData_6Dim.csv")).scenario();
        assertEquals(27, s.delegations().size());
        assertEquals(6, s.dimensions().size());
        assertEquals("Dim5 Position", s.dimensions().get(5).label());
        // Line 3: AA00,Actor 00,99.98,50,8,62.5,10,62.5,8,100,27.99,75,27.99,80,18
        assertEquals(1.0, s.delegations().get(0).position()[3]);
        assertEquals(0.18, s.delegations().get(0).salience()[5]);
    }

    @Test
    void overridesAddressTheConvertedScenarioAndAreBlamedOnTheSet() throws Exception {
        Path file = EXAMPLES.resolve("SOE-Policy.csv");
        assertEquals(0.5, load(file, "delegations.XJ.position.d1=0.5").scenario().delegations().get(0).position()[0]);
        InputException e = assertThrows(InputException.class, () -> load(file, "delegations.XJ.position.d1=50"));
        assertEquals("--set delegations.XJ.position.d1=50: delegations[XJ].position.d1: out of range: must be in"
                + " [0, 1], got 50", e.problems().get(0).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            too few actor lines       | t,d,3,1\\nActor,Desc,Power,P,S\\nA,a,1,10,20\\nB,b,1,30,40                | x.csv:1: nActors: says 3 actors, but the file has 2 actor lines
            non-numeric position      | t,d,2,1\\nActor,Desc,Power,P,S\\nA,a,1,10,20\\nB,b,1,abc,40               | x.csv:4: P: must be a number, got 'abc'
            salience above 100        | t,d,2,1\\nActor,Desc,Power,P,S\\nA,a,1,10,120\\nB,b,1,30,40               | x.csv:3: S: must be in [0, 100] (KTAB's scale), got 120
            negative position         | t,d,1,1\\nActor,Desc,Power,P,S\\nA,a,1,-5,20                              | x.csv:3: P: must be in [0, 100] (KTAB's scale), got -5
            negative power            | t,d,1,1\\nActor,Desc,Power,P,S\\nA,a,-1,5,20                              | x.csv:3: Power: must be in [0, 1000000000], got -1
            empty cell                | t,d,1,2\\nActor,Desc,Power,P1,S1,P2,S2\\nA,a,1,,20,3,4                    | x.csv:3: P1: empty; a number is needed
            missing header            | t,d,2,1\\nA,a,1,10,20\\nB,b,1,30,40                                       | x.csv:2: line 2 must be the header Actor,Description,Power,Pstn1,Sal1,... (a position and a salience column for each dimension); found 'A' where 'Actor' should be
            header too short for nDims| t,d,1,2\\nActor,Desc,Power,P1,S1\\nA,a,1,10,20                            | x.csv:2: the header has 5 columns; nDims = 2 needs 7 (Actor, Description, Power, then a position and a salience for each dimension)
            actor line too short      | t,d,1,2\\nActor,Desc,Power,P1,S1,P2,S2\\nA,a,1,10,20,30                   | x.csv:3: expected 7 fields (Actor, Description, Power, then a position and a salience for each of the 2 dimensions), found 6
            fractional nDims          | t,d,1,1.5\\nActor,Desc,Power,P,S\\nA,a,1,10,20                            | x.csv:1: nDims: must be a whole number from 1 to 100000, got '1.5'
            short first line          | t,d,1\\nActor,Desc,Power,P,S                                              | x.csv:1: line 1 of a KTAB scenario is name,description,nActors,nDims; found 3 fields
            no header at all          | t,d,1,1                                                                    | x.csv:1: the header line (Actor,Description,Power,Pstn1,Sal1,...) is missing after line 1
            saliences above 100 in all| t,d,1,2\\nActor,Desc,Power,P1,S1,P2,S2\\nA,a,1,10,60,30,50                | x.csv:3: the saliences add up to 110; KTAB allows at most 100 over all the dimensions of one actor
            duplicate actor           | t,d,2,1\\nActor,Desc,Power,P,S\\nA,a,1,10,20\\nA,b,1,30,40                | x.csv:4: Actor: duplicate actor 'A' (also on line 3)
            actor unusable as an id   | t,d,1,1\\nActor,Desc,Power,P,S\\nLiu He,a,1,10,20                         | x.csv:3: Actor: 'Liu He' cannot be used as an id: use letters, digits, '_' or '-', starting with a letter or digit
            empty file                |                                                                            | x.csv: the file is empty; a KTAB scenario starts with the line name,description,nActors,nDims
            """)
    void malformedFilesAreRefusedWithLineAndColumn(String name, String text, String expected) {
        Path file = Scenarios.write(dir, "x.csv", text == null ? "" : text.replace("\\n", "\n"));
        InputException e = assertThrows(InputException.class, () -> load(file));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(expected, problems.get(0).replace(file.toString(), "x.csv"), problems.toString());
    }

    @Test
    void aLimitOfTheScenarioFormatPointsAtLineOne() {
        StringBuilder text = new StringBuilder("t,d,1,33\nActor,Desc,Power");
        text.append(",P,S".repeat(33)).append("\nA,a,1").append(",50,1".repeat(33)).append('\n');
        InputException e = assertThrows(InputException.class, () -> load(Scenarios.write(dir, "x.csv", text.toString())));
        assertEquals("x.csv:1: dimensions: at most 32 dimensions are supported, got 33",
                e.problems().get(0).toString().replace(dir.resolve("x.csv").toString(), "x.csv"));
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        Path file = Scenarios.write(dir, "x.csv", "t,d,2,1\nActor,Desc,Power,P,S\nA,a,x,10,200\nB,b,1,y,40\n");
        InputException e = assertThrows(InputException.class, () -> load(file));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void trailingCommasSpacesQuotesAndBlankLinesAreTolerated() throws Exception {
        Path file = Scenarios.write(dir, "Odd name!.csv", "\uFEFFT ,\"quoted, description\", 2 , 1 , \n"
                + "Actor,  Description,  Influence,  XYZ Position,  XYZ Salience, \n\n"
                + "A,  first,  1.5,  63.03,  43.31, \n B , ,2,0,100\n\n");
        Scenario s = load(file).scenario();
        assertEquals("Odd-name", s.name(), "the file name, made a valid scenario name");
        assertEquals("KTAB scenario T: quoted, description", s.description());
        assertEquals("XYZ Position", s.dimensions().get(0).label());
        assertEquals("B", s.delegations().get(1).name(), "an empty description falls back to the id");
        assertEquals(1.0, s.delegations().get(1).salience()[0]);
    }
}
