package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenary.cli.CliTest.plenary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.testing.Scenarios;

/** plenary landscape on hand-derived landscapes, a large one, and malformed files. */
class LandscapeCommandTest {
    @TempDir
    Path dir;

    private JsonNode json(String text, String... options) throws Exception {
        Path file = Scenarios.write(dir, "landscape.csv", text);
        String[] args = new String[options.length + 3];
        args[0] = "landscape";
        args[1] = file.toString();
        args[2] = "--json";
        System.arraycopy(options, 0, args, 3, options.length);
        CliTest.Result result = plenary(args);
        assertEquals(0, result.exitCode(), result.err());
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void twoFriendsAgainstACommonEnemyIsTheOnlyMinimum() throws Exception {
        JsonNode result = json("actor,size,A,B,C\nA,1,,1,-1\nB,1,1,,-1\nC,1,-1,-1,\n");
        assertEquals("exhaustive", result.get("search").asText());
        assertEquals(1, result.get("minima").size());
        assertEquals(-4.0, result.at("/minima/0/energy").asDouble(), "2 x (p_AC + p_BC) = -4");
        assertEquals("[[\"A\",\"B\"],[\"C\"]]", result.at("/minima/0/blocs").toString());
    }

    @Test
    void fourActorsHaveTheTwoHandComputedMinimaLowestFirst() throws Exception {
        JsonNode result = json("actor,size,W,X,Y,Z\nW,1,0,3,1,-5\nX,1,3,0,-5,1\nY,1,1,-5,0,3\nZ,1,-5,1,3,0\n");
        assertEquals(2, result.get("minima").size());
        assertEquals(-16.0, result.at("/minima/0/energy").asDouble());
        assertEquals("[[\"W\",\"X\"],[\"Y\",\"Z\"]]", result.at("/minima/0/blocs").toString());
        assertEquals(-8.0, result.at("/minima/1/energy").asDouble());
        assertEquals("[[\"W\",\"Y\"],[\"X\",\"Z\"]]", result.at("/minima/1/blocs").toString());
    }

    /** 30 actors in two camps of 15: +1 within a camp, -1 across. */
    private static String twoCamps() {
        StringBuilder text = new StringBuilder("actor,size");
        for (int i = 0; i < 30; i++) {
            text.append(",a").append(i);
        }
        text.append('\n');
        for (int i = 0; i < 30; i++) {
            text.append('a').append(i).append(",1");
            for (int j = 0; j < 30; j++) {
                text.append(',').append(i == j ? "" : (i < 15) == (j < 15) ? "1" : "-1");
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void beyondTwentyFiveActorsTheSeededHeuristicFindsTheCamps() throws Exception {
        JsonNode result = json(twoCamps(), "--starts", "50", "--seed", "7");
        assertEquals("sampled", result.get("search").asText());
        // Split into the camps, E = -2 x 15 x 15 = -450, the global minimum.
        assertEquals(-450.0, result.at("/minima/0/energy").asDouble());
        assertEquals(15, result.at("/minima/0/blocs/0").size());
        assertEquals("a0", result.at("/minima/0/blocs/0/0").asText());
        assertEquals("a14", result.at("/minima/0/blocs/0/14").asText());
        assertEquals(result, json(twoCamps(), "--starts", "50", "--seed", "7"), "same seed, same answer");
    }

    @Test
    void theHumanListingShowsEnergiesAndBlocs() {
        Path file = Scenarios.write(dir, "landscape.csv", "actor,size,A,B,C\nA,1,,1,-1\nB,1,1,,-1\nC,1,-1,-1,\n");
        CliTest.Result result = plenary("landscape", file.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(file + ": 3 actors, all 4 configurations examined; 1 local minimum, lowest energy first\n"
                + "1. energy -4\n   bloc 1: A, B\n   bloc 2: C\n", result.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            asymmetric     | actor,size,A,B,C\\nA,1,,1,-1\\nB,1,1,,-1\\nC,1,-1,-2,          | x.csv:4: B: propensity -2 of C toward B differs from -1 on line 3 (column C); propensities are symmetric
            non-numeric    | actor,size,A,B\\nA,1,,x\\nB,1,1,                                | x.csv:2: B: must be a number, got 'x'
            negative size  | actor,size,A,B\\nA,-2,,1\\nB,1,1,                               | x.csv:2: size: must be at least 0, got -2
            rows reordered | actor,size,A,B\\nB,1,,1\\nA,1,1,                                | x.csv:2: actor: 'B' where 'A' should be: lines list the actors in the header's order
            not square     | actor,size,A,B,C\\nA,1,,1,1\\nB,1,1,,1                          | x.csv:1: the header names 3 actors but 2 actor lines follow; the matrix must be square
            short line     | actor,size,A,B,C\\nA,1,,1\\nB,1,1,,1\\nC,1,1,1,                 | x.csv:2: expected 5 fields (actor, size and 3 propensities), found 4
            bad header     | name,weight,A\\nA,1,                                            | x.csv:1: the header must be actor,size followed by the actors' names, e.g. actor,size,A,B,C
            repeated name  | actor,size,A,A\\nA,1,,1\\nA,1,1,                                | x.csv:1: A: actor named twice in the header
            huge value     | actor,size,A,B\\nA,1,,1e400\\nB,1,1e400,                       | x.csv:2: B: too large: at most 1e100 in absolute value, got 1e400
            """)
    void malformedLandscapesExitTwoNamingLineAndColumn(String name, String text, String expected) {
        Path file = Scenarios.write(dir, "x.csv", text.replace("\\n", "\n"));
        CliTest.Result result = plenary("landscape", file.toString());
        assertEquals(2, result.exitCode(), result.out());
        assertEquals("error: " + expected, result.err().lines().findFirst().orElseThrow().replace(file.toString(), "x.csv"));
    }
}
