package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import org.plenary.testing.Scenarios;

/** The report's ballots by bloc count each bloc's members as of the vote's round. */
class BallotSplitTest {
    @TempDir
    Path dir;

    @Test
    void aDelegationThatLeftItsBlocBeforeTheVoteIsCountedWhereItNowIs() throws Exception {
        // Scenarios.BALLOTS (left-text voted at round 3: L1 and L2 yes, M abstains, R1 and R2 no, W absent),
        // with L2 leaving L at round 1 and R2 leaving R at round 5, after the vote.
        Path file = Scenarios.write(dir, "ballots.yaml", Scenarios.BALLOTS.replace(
                "events: [{round: 2, type: withdraw, delegation: W}]",
                "events: [{round: 2, type: withdraw, delegation: W}, {round: 1, type: leave, delegation: L2, bloc: L},"
                        + " {round: 5, type: leave, delegation: R2, bloc: R}]").replace("rounds: 4", "rounds: 5"));
        assertEquals(0, Main.commandLine().execute("run", file.toString(), "--out", dir.resolve("out").toString()));
        String report;
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            report = Files.readString(files.filter(p -> p.endsWith("report.html")).findFirst().orElseThrow());
        }
        String cell = "<td class=\"num\">";
        assertTrue(report.contains("<tr><td>left-text</td><td>L</td>" + cell + "1</td>" + cell + "1.000</td>" + cell
                + "0.000</td>" + cell + "0.000</td>" + cell + "0.000</td></tr>"), "L is L1 alone at the vote: " + report);
        assertTrue(report.contains("<tr><td>left-text</td><td>(no group)</td>" + cell + "3</td>" + cell + "1.000</td>"
                + cell + "0.000</td>" + cell + "1.000</td>" + cell + "1.000</td></tr>"), "M abstains, W absent, L2 yes");
        assertTrue(report.contains("<tr><td>left-text</td><td>R</td>" + cell + "2</td>" + cell + "0.000</td>" + cell
                + "2.000</td>"), "R2 left R only after the vote");
    }
}
