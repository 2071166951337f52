package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `plenary run` on scenarios/seoul-statement.yaml without forum shifting (docs/findings.md, "no forum shifting"):
 * the risk-management text is balloted in SC 42, which has no quorum; stdout reports what the ISO/IEC rule counts,
 * recomputed here from ballots.csv, votes.csv and the P-members of scenarios/data/sc42-members.csv.
 */
class ProcedureCountsRunTest {
    @TempDir
    Path dir;

    @Test
    void anIsoBallotIsReportedByItsTwoSharesAndARoughConsensusByItsObjectorsNotByAQuorum() throws Exception {
        CliTest.Result run = CliTest.plenary("run", "scenarios/seoul-statement.yaml", "--replications", "2",
                "--set", "forum_shifting.model=none", "--set", "agenda.ai-hr-by-design.sponsor=null",
                "--set", "agenda.network-ai-governance.sponsor=null", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("quorum"), run.out());
        Path result;
        try (Stream<Path> runs = Files.list(dir.resolve("seoul-statement"))) {
            result = runs.findFirst().orElseThrow();
        }
        Set<String> pMembers = Files.readAllLines(Path.of("scenarios", "data", "sc42-members.csv")).stream()
                .filter(row -> row.contains(",P,")).map(row -> row.split(",")[0]).collect(Collectors.toSet());
        double inFavour = 0;
        double negative = 0;
        for (int replication = 1; replication <= 2; replication++) {
            String prefix = replication + ",ai-risk-management,";
            List<String[]> ballots = Files.readAllLines(result.resolve("ballots.csv")).stream()
                    .filter(row -> row.startsWith(prefix)).map(row -> row.split(",")).toList();
            long yesP = ballots.stream().filter(b -> pMembers.contains(b[3]) && b[4].equals("yes")).count();
            long noP = ballots.stream().filter(b -> pMembers.contains(b[3]) && b[4].equals("no")).count();
            inFavour += (double) yesP / (yesP + noP) / 2;
            String[] votes = Files.readAllLines(result.resolve("votes.csv")).stream()
                    .filter(row -> row.startsWith(prefix)).findFirst().orElseThrow().split(",");
            double yes = Double.parseDouble(votes[3]);
            double no = Double.parseDouble(votes[4]);
            negative += no / (yes + no) / 2;
        }
        String expected = String.format(Locale.ROOT, "ended in sc42 (iso-iec) in 2 of 2: P-members' votes cast in"
                + " favour %.0f%% (approved needs >= 2/3), negative votes of all cast %.0f%% (needs <= 1/4), mean of"
                + " the 2 decided there", 100 * inFavour, 100 * negative);
        assertTrue(run.out().contains(expected), expected + "\n" + run.out());
        assertTrue(inFavour >= 2.0 / 3 && negative <= 0.25, "both halves met: vote-adopted");
        assertTrue(run.out().contains("ended in ietf (ietf) in 2 of 2: objectors "), run.out());
        assertTrue(run.out().contains("ended in itu-t (itu-t-aap) in 2 of 2\n"), run.out());
    }
}
