package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.cli.CliTest.plenary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** plenary power on games with published or hand-derived indices, and its refusals. */
class PowerCommandTest {

    @Test
    void standardExampleGivesThePublishedIndicesAsJson() throws Exception {
        CliTest.Result result = plenary("power", "--quota", "51", "--weights", "50,49,1", "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        double[][] expected = {{2.0 / 3, 1.0 / 6, 1.0 / 6}, {3.0 / 5, 1.0 / 5, 1.0 / 5}};
        String[] keys = {"shapley_shubik", "banzhaf"};
        for (int index = 0; index < keys.length; index++) {
            for (int voter = 0; voter < 3; voter++) {
                assertEquals(expected[index][voter], json.get(keys[index]).get(voter).asDouble(), 1e-12);
            }
        }
        assertEquals("[3,1,1]", json.get("swings").toString(), "exact counts, as plain JSON numbers");
    }

    @Test
    void oneStateOneVoteAmong194GivesExactSwingCounts() throws Exception {
        String weights = String.join(",", Collections.nCopies(194, "1"));
        CliTest.Result result = plenary("power", "--quota", "98", "--weights", weights, "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        // A state swings the coalitions of exactly 97 of the other 193: C(193, 97), a 57-digit number.
        BigInteger swings = BigInteger.ONE;
        for (int k = 0; k < 97; k++) {
            swings = swings.multiply(BigInteger.valueOf(193 - k)).divide(BigInteger.valueOf(k + 1));
        }
        assertEquals(57, swings.toString().length());
        assertEquals(swings, json.get("swings").get(0).bigIntegerValue());
        assertEquals(1.0 / 194, json.get("banzhaf").get(193).asDouble(), 1e-15);
    }

    @Test
    void theHumanTableListsVotersInWeightOrder() {
        CliTest.Result result = plenary("power", "--quota", "12", "--weights", "4,4,4,2,2,1");
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals("[12; 4, 4, 4, 2, 2, 1]: 6 voters", lines[0]);
        assertTrue(lines[1].matches("voter +weight +shapley_shubik +banzhaf +swings"), lines[1]);
        assertTrue(lines[7].matches("6 +1 +0 +0 +0"), "Luxembourg, a null player in 1958: " + lines[7]);
    }

    @Test
    void impossibleGamesExitTwoWithTheReason() {
        CliTest.Result tooHigh = plenary("power", "--quota", "120", "--weights", "50,49,1");
        assertEquals(2, tooHigh.exitCode());
        assertTrue(tooHigh.err().contains("error: --quota: must be more than 0 and at most the total weight 100"),
                tooHigh.err());
        CliTest.Result negative = plenary("power", "--quota", "1", "--weights", "2,-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("error: --weights: weight 2 is -1.0"), negative.err());
        CliTest.Result text = plenary("power", "--quota", "1", "--weights", "2,x");
        assertEquals(2, text.exitCode());
        assertTrue(text.err().contains("'x'"), text.err());
        String irrational = String.join(",", Collections.nCopies(26, String.valueOf(Math.PI)));
        CliTest.Result tooBig = plenary("power", "--quota", "40", "--weights", irrational);
        assertEquals(2, tooBig.exitCode());
        assertTrue(tooBig.err().contains("cannot compute voting power of 26 voters"), tooBig.err());
        assertEquals(2, plenary("power", "--weights", "1,1").exitCode(), "--quota is required");
    }
}
