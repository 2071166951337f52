package org.plenary.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report shows vote tallies where items went to a vote, and the run prints them with intervals. */
class RunReportTest {
    @TempDir
    Path dir;

    @Test
    void votesAreTabulatedWithTheirIntervalsAndTheVotesChartIsEmbedded() throws IOException {
        String[] result = CompareTest.run("run", "scenarios/small-assembly.yaml", "--replications", "2", "--rounds",
                "42", "--set", "delegation_defaults.objection_threshold=0", "--out", dir.toString());
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("vote yes-no-abstain"), result[1]);
        assertTrue(result[1].matches("(?s).*vote-adopted 100% \\[\\d+-100\\].*"), "shares with Wilson intervals: "
                + result[1]);
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("small-assembly"))) {
            run = runs.findFirst().orElseThrow();
        }
        String html = Files.readString(run.resolve("report.html"));
        int votes = html.indexOf("<h2>Votes</h2>");
        assertTrue(votes > 0 && votes < html.indexOf("<h2>Charts</h2>"), "a Votes section before the charts");
        String section = html.substring(votes, html.indexOf("<h2>", votes + 5));
        assertTrue(section.contains("<th>yes</th><th>no</th><th>abstain</th>"), section);
        assertTrue(section.contains("<td>res-hr-standards</td><td class=\"num\">2</td>"), section);
        assertTrue(section.contains("Every vote held (votes.csv)"));
        assertTrue(html.contains("alt=\"Vote tallies (yes-no-abstain)"), "the votes chart, captioned");
    }
}
