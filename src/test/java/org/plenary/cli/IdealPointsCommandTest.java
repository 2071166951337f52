package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** plenary ideal-points as a user runs it: the files it writes, and bad input that writes nothing. */
class IdealPointsCommandTest {
    @TempDir
    Path dir;

    /** Two camps on four roll calls, a centre that abstains or splits. */
    private static final String VOTES = """
            rcid,iso3,vote
            1,USA,yes
            1,GBR,yes
            1,FRA,yes
            1,BRA,abstain
            1,RUS,no
            1,CHN,no
            2,USA,no
            2,GBR,no
            2,FRA,abstain
            2,BRA,yes
            2,RUS,yes
            2,CHN,yes
            3,USA,yes
            3,GBR,yes
            3,FRA,yes
            3,BRA,yes
            3,RUS,no
            3,CHN,abstain
            4,USA,no
            4,GBR,abstain
            4,FRA,no
            4,BRA,abstain
            4,RUS,yes
            4,CHN,yes
            """;

    @Test
    void writesEstimatesWithIntervalsAChartAndAManifest() throws Exception {
        Path votes = Scenarios.write(dir, "votes.csv", VOTES);
        Path out = dir.resolve("ip");
        CliTest.Result result = CliTest.plenary("ideal-points", votes.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = Files.readAllLines(out.resolve("ideal-points.csv"));
        assertEquals("delegation,dimension,estimate,low,high", lines.get(0));
        assertEquals(7, lines.size());
        double usa = estimate(lines, "USA");
        double gbr = estimate(lines, "GBR");
        double bra = estimate(lines, "BRA");
        double rus = estimate(lines, "RUS");
        assertTrue(usa > bra && gbr > bra && bra > rus, lines.toString());
        assertTrue(Files.exists(out.resolve("charts/ideal-points.png")));
        var manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(4, manifest.get("roll_calls").asInt());
        assertTrue(manifest.get("identification").asText().contains("USA is positive"));

        CliTest.Result two = CliTest.plenary("ideal-points", votes.toString(), "--dimensions", "2", "--out",
                dir.resolve("ip2").toString());
        assertEquals(0, two.exitCode(), two.err());
        assertEquals(13, Files.readAllLines(dir.resolve("ip2/ideal-points.csv")).size());
    }

    /**
     * Leaving roll call 4 out gives exactly the fit of a file without it (the positions never see it), and
     * the manifest says so; an rcid not in the selection exits 2 with a did-you-mean and writes nothing.
     */
    @Test
    void leavesOutOrKeepsOnlyTheNamedRollCallsAsIfTheOthersWereNotInTheFile() throws Exception {
        Path votes = Scenarios.write(dir, "votes.csv", VOTES);
        Path withoutFour = Scenarios.write(dir, "without-4.csv", VOTES.lines().filter(l -> !l.startsWith("4,"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        CliTest.Result left = CliTest.plenary("ideal-points", votes.toString(), "--leave-out", "4", "--out",
                dir.resolve("left").toString());
        assertEquals(0, left.exitCode(), left.err());
        CliTest.Result absent = CliTest.plenary("ideal-points", withoutFour.toString(), "--out",
                dir.resolve("absent").toString());
        assertEquals(0, absent.exitCode(), absent.err());
        assertEquals(Files.readAllLines(dir.resolve("absent/ideal-points.csv")),
                Files.readAllLines(dir.resolve("left/ideal-points.csv")));
        var manifest = new ObjectMapper().readTree(dir.resolve("left/manifest.json").toFile());
        assertEquals(3, manifest.get("roll_calls").asInt());
        assertEquals("4", manifest.get("left_out").get(0).asText());
        CliTest.Result all = CliTest.plenary("ideal-points", votes.toString(), "--out", dir.resolve("all").toString());
        assertFalse(Files.readAllLines(dir.resolve("all/ideal-points.csv"))
                .equals(Files.readAllLines(dir.resolve("left/ideal-points.csv"))));

        CliTest.Result only = CliTest.plenary("ideal-points", votes.toString(), "--only", "1,2,3", "--out",
                dir.resolve("only").toString());
        assertEquals(0, only.exitCode(), only.err());
        assertEquals(Files.readAllLines(dir.resolve("absent/ideal-points.csv")),
                Files.readAllLines(dir.resolve("only/ideal-points.csv")), "--only 1,2,3 is --leave-out 4 here");

        Path out = dir.resolve("bad");
        CliTest.Result unknown = CliTest.plenary("ideal-points", votes.toString(), "--leave-out", "44", "--out",
                out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--leave-out 44") && unknown.err().contains("did you mean '4'"), unknown.err());
        assertFalse(Files.exists(out));
        CliTest.Result typo = CliTest.plenary("ideal-points", votes.toString(), "--only", "1,33", "--out", out.toString());
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("--only 33") && typo.err().contains("did you mean '3'"), typo.err());
        assertFalse(Files.exists(out));
    }

    /**
     * The ICT scenarios' ict_texts positions (scenarios/data/SOURCES.md) are the fits of the roll calls
     * their names say: all three 2018 ICT votes (in sample), and for each cross-validation fold the two
     * others, so a held-out vote never shaped the positions that score it.
     */
    @Test
    void theIctPositionFilesAreFitsOfTheirNamedRollCallsOnly() throws Exception {
        String[][] files = {{"6073,6138,6156", "unga-ict-ideal-points-2018.csv"},
            {"6138,6156", "unga-ict-ideal-points-2018-without-73-27.csv"},
            {"6073,6156", "unga-ict-ideal-points-2018-without-73-187.csv"},
            {"6073,6138", "unga-ict-ideal-points-2018-without-73-266.csv"}};
        for (String[] file : files) {
            Path out = dir.resolve(file[1]);
            CliTest.Result fit = CliTest.plenary("ideal-points", "scenarios/data/unga-votes-2015-2019.csv", "--roll-calls",
                    "scenarios/data/unga-roll-calls-2015-2019.csv", "--sessions", "73", "--only", file[0], "--out",
                    out.toString());
            assertEquals(0, fit.exitCode(), fit.err());
            assertEquals(Files.readAllLines(Path.of("scenarios/data", file[1])), Files.readAllLines(
                    out.resolve("ideal-points.csv")), file[1]);
        }
    }

    private static double estimate(List<String> lines, String code) {
        return lines.stream().filter(l -> l.startsWith(code + ",")).mapToDouble(l -> Double.parseDouble(l.split(",")[2]))
                .findFirst().orElseThrow();
    }

    @Test
    void badRollCallsExitTwoWithFileLineAndDidYouMeanAndWriteNothing() {
        Path votes = Scenarios.write(dir, "bad.csv", """
                rcid,iso3,vote
                1,USS,yes
                1,GBR,yess
                1,FRA,no
                1,FRA,yes
                """);
        Path out = dir.resolve("ip");
        CliTest.Result result = CliTest.plenary("ideal-points", votes.toString(), "--out", out.toString());
        assertEquals(2, result.exitCode());
        String err = result.err();
        assertTrue(err.contains("bad.csv:2: iso3: unknown state code 'USS' (did you mean"), err);
        assertTrue(err.contains("bad.csv:3: vote: unknown vote 'yess' (did you mean 'yes'"), err);
        assertTrue(err.contains("bad.csv:5: iso3: duplicate vote of 'FRA' in roll call '1' (first on line 4)"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(out));

        CliTest.Result deep = CliTest.plenary("ideal-points", votes.toString(), "--history", "4", "--out", out.toString());
        assertEquals(2, deep.exitCode());
        assertTrue(deep.err().contains("--history 4") && deep.err().contains("must be 1, 2 or 3"), deep.err());
        assertFalse(Files.exists(out));

        Path same = Scenarios.write(dir, "same.csv", "rcid,iso3,vote\n1,USA,yes\n1,GBR,yes\n2,USA,yes\n");
        CliTest.Result flat = CliTest.plenary("ideal-points", same.toString(), "--out", out.toString());
        assertEquals(2, flat.exitCode());
        assertTrue(flat.err().contains("same.csv:1: vote: no variance"), flat.err());
        assertFalse(Files.exists(out));

        Path calls = Scenarios.write(dir, "calls.csv", "rcid,session\n1,73\n2,73\n3,73\n");
        Path other = Scenarios.write(dir, "other.csv", VOTES.replace("4,USA,no", "44,USA,no"));
        CliTest.Result unknown = CliTest.plenary("ideal-points", other.toString(), "--roll-calls", calls.toString(),
                "--out", out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("other.csv:20: rcid: unknown roll call '44' (did you mean '4'?)")
                || unknown.err().contains("other.csv:20: rcid: unknown roll call '44'"), unknown.err());
        assertFalse(Files.exists(out));
    }

    /** Roll-call metadata of VOTES: session 1, four titles. */
    private static final String SESSION_ONE = """
            rcid,session,amendment,paragraph,short
            1,1,0,0,Alpha
            2,1,0,0,Beta
            3,1,0,0,Gamma
            4,1,0,0,Delta
            """;

    /**
     * Session 2 repeats roll call 1's title (rcid 5) and has one new title (rcid 6). Persistence on rcid
     * 5: USA yes, GBR yes, FRA yes, BRA abstain, RUS no (CHN absent in 1: the majority, yes) against the
     * observed yes, yes, no, abstain, no, no: right on USA, GBR, BRA, RUS (4 of 6); log-loss
     * 2 ln 100 / 6; Brier 2 x 2 / 6. Rcid 6 has no predecessor and is not scored.
     */
    @Test
    void forecastsRecurringRollCallsBesidePersistence() throws Exception {
        Path votes = Scenarios.write(dir, "votes.csv", VOTES + """
                5,USA,yes
                5,GBR,yes
                5,FRA,no
                5,BRA,abstain
                5,RUS,no
                5,CHN,no
                6,USA,yes
                6,RUS,no
                """);
        Path calls = Scenarios.write(dir, "calls.csv", SESSION_ONE + """
                5,2,0,0,Alpha
                6,2,0,0,Epsilon
                """);
        Path withoutChina = Scenarios.write(dir, "v.csv", Files.readString(votes).replace("1,CHN,no\n", ""));
        CliTest.Result result = CliTest.plenary("ideal-points", withoutChina.toString(), "--roll-calls", calls.toString(),
                "--forecast-session", "2", "--out", dir.resolve("fc").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("session 2: 1 recurring roll calls, 6 votes scored"), result.out());
        var forecast = new ObjectMapper().readTree(dir.resolve("fc/manifest.json").toFile()).get("forecast");
        var persistence = forecast.get("persistence");
        assertEquals(4.0 / 6, persistence.get("accuracy").asDouble(), 1e-9);
        assertEquals(-2 * Math.log(0.01) / 6, persistence.get("log_loss").asDouble(), 1e-9);
        assertEquals(4.0 / 6, persistence.get("brier").asDouble(), 1e-9);
        assertTrue(forecast.get("item_response").get("log_loss").asDouble() < persistence.get("log_loss").asDouble(),
                "the item-response forecast is never certain, so it pays less for its misses");
    }

    /**
     * Three sessions: session 2 repeats Alpha and Beta of session 1 vote for vote, session 3 repeats Alpha
     * with France switching from yes to no. The weights are fitted on session 2's forecast from session 1
     * alone, where every state repeated itself: 6 yes, 4 no and 2 abstentions. Persistence with fitted
     * probabilities then has the repeat weight rho_k at its maximum a posteriori: with all n_k repeated, the
     * score n_k (1 - e^rho / (e^rho + 2)) equals the prior's pull rho / 100, so 200 n_k / (e^rho + 2) = rho
     * (rho_yes 5.40, rho_no 5.05, rho_abstain 4.47). The pooled forecast also weighs a previous vote in favour
     * of repeating it. In session 3 persistence is right on 5 of 6 and pays ln 100 for France.
     */
    @Test
    void poolsTheItemResponseForecastWithThePreviousVoteWeighedOnAnEarlierSession() throws Exception {
        StringBuilder votes = new StringBuilder(VOTES);
        for (String line : VOTES.split("\n")) {
            if (line.startsWith("1,") || line.startsWith("2,")) {
                votes.append(line.startsWith("1,") ? "5" : "6").append(line, 1, line.length()).append('\n');
            }
            if (line.startsWith("1,")) {
                votes.append('7').append(line.equals("1,FRA,yes") ? ",FRA,no" : line.substring(1)).append('\n');
            }
        }
        Path file = Scenarios.write(dir, "votes.csv", votes.toString());
        Path calls = Scenarios.write(dir, "calls.csv", SESSION_ONE + """
                5,2,0,0,Alpha
                6,2,0,0,Beta
                7,3,0,0,Alpha
                """);
        CliTest.Result result = CliTest.plenary("ideal-points", file.toString(), "--roll-calls", calls.toString(),
                "--forecast-session", "3", "--out", dir.resolve("fc").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("item response + previous vote"), result.out());
        assertTrue(result.out().contains("weights fitted on session 2's forecast"), result.out());
        var forecast = new ObjectMapper().readTree(dir.resolve("fc/manifest.json").toFile()).get("forecast");
        assertEquals(2, forecast.get("weights_fitted_on_session").asInt());
        var weights = forecast.get("item_response_and_previous_vote_weights");
        assertTrue(weights.get("repeat_yes_1").asDouble() > 0 && weights.get("repeat_no_1").asDouble() > 0,
                weights.toString());
        assertEquals(Math.log(100) / 6, forecast.get("persistence").get("log_loss").asDouble(), 1e-9);
        var history = forecast.get("persistence_fitted_weights");
        String[] names = {"yes", "no", "abstain"};
        int[] repeated = {6, 4, 2};
        for (int k = 0; k < 3; k++) {
            double rho = history.get("repeat_" + names[k] + "_1").asDouble();
            assertEquals(rho, 200 * repeated[k] / (Math.exp(rho) + 2), 1e-6, names[k]);
        }
        assertTrue(history.get("repeat_yes_1").asDouble() > history.get("repeat_abstain_1").asDouble(),
                "more repeats seen, more trust");
    }

    @Test
    void anEstimateThatDoesNotConvergeSaysSoAndWritesNothing() throws Exception {
        Path votes = Scenarios.write(dir, "votes.csv", VOTES);
        Path out = dir.resolve("ip");
        CliTest.Result result = CliTest.plenary("ideal-points", votes.toString(), "--max-sweeps", "1", "--out",
                out.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("did not converge") && result.err().contains("nothing written"), result.err());
        assertFalse(Files.exists(out));
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".ideal-points-")), "no staging left");
        }
    }
}
