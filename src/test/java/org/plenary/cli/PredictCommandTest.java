package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.cli.CliTest.plenary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** plenary predict, run as a user would, on published and hand-derived cases. */
class PredictCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Bueno de Mesquita's (1994) EC emission-standard data as a KTAB file: positions 4, 7, 10 written
     * as 40, 70, 100 and saliences in percent, so the published round-0 median 7.0 and mean 7.38996
     * read 70 and 73.8996.
     */
    private static final String EMISSIONS = """
            EC-emissions,Bueno de Mesquita 1994,10,1
            Actor,Description,Capability,Date Position,Date Salience
            NL,Netherlands,.08,70,40
            BE,Belgium,.08,40,80
            LU,Luxembourg,.03,40,20
            DE,Germany,.16,40,80
            FR,France,.16,100,60
            IT,Italy,.16,100,60
            UK,United Kingdom,.16,100,90
            IE,Ireland,.05,70,10
            DK,Denmark,.05,40,100
            GR,Greece,.08,70,70
            """;

    private static final String HAND = """
            name: hand
            rounds: 5
            dimensions: [{id: a}, {id: b}]
            delegations:
              - {id: X, position: {a: 0.2, b: 0.1}, salience: {a: 0.5, b: 1}, capability: 3}
              - {id: Y, position: {a: 0.8, b: 0.9}, salience: {a: 1.0, b: 1}, capability: 1}
            """;

    @TempDir
    Path dir;

    private static JsonNode json(CliTest.Result result) throws Exception {
        assertEquals(0, result.exitCode(), result.err());
        return JSON.readTree(result.out());
    }

    @Test
    void emissionDataGiveThePublishedMedianAndMeanOnTheKtabScale() throws Exception {
        Path file = Scenarios.write(dir, "emissions.csv", EMISSIONS);
        JsonNode median = json(plenary("predict", file.toString(), "--model", "median", "--json"));
        assertEquals("median", median.get("model").asText());
        assertEquals("d1", median.at("/dimensions/0/id").asText());
        assertEquals(70.0, median.at("/dimensions/0/prediction").asDouble(), 1e-9);
        JsonNode compromise = json(plenary("predict", file.toString(), "--json"));
        assertEquals("compromise", compromise.get("model").asText(), "the default model");
        assertEquals(73.8996, compromise.at("/dimensions/0/prediction").asDouble(), 1e-4);
    }

    @Test
    void expectedUtilityPrintsItsHistoryFromThePublishedRoundZero() throws Exception {
        Path file = Scenarios.write(dir, "emissions.csv", EMISSIONS);
        JsonNode contest = json(plenary("predict", file.toString(), "--model", "expected-utility", "--rounds", "4",
                "--json"));
        assertEquals("contest", contest.get("denominator").asText(), "the reference class's default");
        JsonNode history = contest.at("/dimensions/0/history");
        assertEquals(70.0, history.at("/0/median").asDouble(), 1e-9);
        assertEquals(73.8996, history.at("/0/mean").asDouble(), 1e-4);
        assertEquals(40.0, history.at("/0/positions/DE").asDouble(), 1e-9);
        int played = contest.at("/dimensions/0/rounds_played").asInt();
        assertTrue(played >= 1 && played <= 4, "at most --rounds rounds: " + played);
        assertEquals(played + 1, history.size());
        assertEquals(history.at("/" + played + "/median").asDouble(), contest.at("/dimensions/0/prediction").asDouble(),
                "the forecast is the final weighted median");
        JsonNode allContests = json(plenary("predict", file.toString(), "--model", "expected-utility", "--rounds", "4",
                "--denominator", "all-contests", "--json"));
        assertEquals("all-contests", allContests.get("denominator").asText());
        assertNotEquals(history.at("/1").toString(), allContests.at("/dimensions/0/history/1").toString(),
                "the denominator changes the first round's offers");
    }

    @Test
    void yamlScenariosArePredictedOnTheirOwnScaleWithOverrides() throws Exception {
        Path file = Scenarios.write(dir, "hand.yaml", HAND);
        // a: weights c s = 1.5 and 1: (1.5 x 0.2 + 1 x 0.8) / 2.5 = 0.44; b: (3 x 0.1 + 0.9) / 4 = 0.3.
        JsonNode compromise = json(plenary("predict", file.toString(), "--json"));
        assertEquals(0.44, compromise.at("/dimensions/0/prediction").asDouble(), 1e-12);
        assertEquals(0.3, compromise.at("/dimensions/1/prediction").asDouble(), 1e-12);
        assertEquals(0.2, json(plenary("predict", file.toString(), "--model", "median", "--json"))
                .at("/dimensions/0/prediction").asDouble(), "X holds 1.5 of 2.5");
        // With X's capability 1: weights 0.5 and 1, so Y's 0.8 is the median and the mean is 0.6.
        JsonNode changed = json(plenary("predict", file.toString(), "--model", "median", "--json",
                "--set", "delegations.X.capability=1"));
        assertEquals(0.8, changed.at("/dimensions/0/prediction").asDouble());
    }

    @Test
    void theHumanTableNamesModelScaleAndDimensions() {
        CliTest.Result result = plenary("predict", "scenarios/ktab/SOE-Pol-Comp.csv", "--model", "expected-utility",
                "--rounds", "3");
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertTrue(lines[0].startsWith("SOE-Pol-Comp: expected-utility forecast from 13 delegations, positions on"
                + " 0-100"), lines[0]);
        assertTrue(lines[1].matches("dimension +label +prediction +rounds +stable"), lines[1]);
        assertTrue(lines[2].startsWith("d1         Policy Position  "), lines[2]);
    }

    @Test
    void badRequestsExitTwoWithTheReason() {
        Path file = Scenarios.write(dir, "hand.yaml", HAND);
        CliTest.Result model = plenary("predict", file.toString(), "--model", "mean");
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("'mean' is not one of compromise, median, expected-utility"), model.err());
        CliTest.Result rounds = plenary("predict", file.toString(), "--rounds", "0");
        assertEquals(2, rounds.exitCode());
        assertTrue(rounds.err().contains("rounds: out of range"), rounds.err());
        CliTest.Result weightless = plenary("predict", file.toString(), "--set", "delegations.X.salience.b=0",
                "--set", "delegations.Y.salience.b=0");
        assertEquals(2, weightless.exitCode());
        assertTrue(weightless.err().contains("no delegation has both capability and salience on b"), weightless.err());
    }
}
