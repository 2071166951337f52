package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/**
 * A vote that misses its quorum ends as {@code no-quorum}, with those present and the quorum shown, in
 * the real command's outcomes.csv, summaries, report and printout (docs/ODD.md, 7.7).
 */
class QuorumOutcomeTest {
    @TempDir
    Path dir;

    /**
     * No influence or noise, so positions stay put. On the tabled text 0.2 against the status quo 0.6
     * (band 0.05), A (0.1) and B (0.2) vote yes, C (0.9) no: 2-1-0, which the majority would adopt. But
     * D, E and F left the plenary at round 1 and G withdrew at round 2: 6 accredited (A-F), 3 present,
     * and a quorum of 0.6 x 6 = 3.6, so 4 present are needed. With quorum 0.5, 3 suffice and it passes.
     */
    private static final String SCENARIO = """
            name: quorum
            seed: 3
            rounds: 4
            replications: 2
            dimensions: [{id: a}]
            delegations:
              - {id: A, position: {a: 0.1}}
              - {id: B, position: {a: 0.2}}
              - {id: C, position: {a: 0.9}}
              - {id: D, position: {a: 0.3}}
              - {id: E, position: {a: 0.3}}
              - {id: F, position: {a: 0.3}}
              - {id: G, position: {a: 0.3}}
            agenda:
              - {id: text, weights: {a: 1}, status_quo: {a: 0.6}, text: {a: 0.2}, deadline: 3}
            decision: {rule: vote, majority: 0.5, quorum: 0.6, abstention_band: 0.05}
            influence: {model: none, noise: 0}
            events:
              - {round: 1, type: disengage, delegation: D, forums: [plenary]}
              - {round: 1, type: disengage, delegation: E, forums: [plenary]}
              - {round: 1, type: disengage, delegation: F, forums: [plenary]}
              - {round: 2, type: withdraw, delegation: G}
            """;

    @Test
    void aVoteShortOfItsQuorumEndsAsNoQuorumWithPresentAndQuorumShown() throws IOException {
        Path file = Scenarios.write(dir, "quorum.yaml", SCENARIO);
        CliTest.Result result = CliTest.plenary("run", file.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("text                         no-quorum 100%"), result.out());
        assertTrue(result.out().contains("vote yes-no-abstain 2-1-0, present 3 of 6 accredited, quorum 4"),
                result.out());
        assertTrue(result.out().contains("decision.quorum = 0.6 of those accredited"), result.out());

        Path run = runDirectory(dir.resolve("out"));
        assertEquals(List.of("replication,item,state,round,a", "1,text,no-quorum,3,0.6", "2,text,no-quorum,3,0.6"),
                Files.readAllLines(run.resolve("outcomes.csv")), "the status quo stays in force");
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertTrue(summary.contains("share_no_quorum,text,,2,1,,0.34238,1"), String.join("\n", summary));
        assertTrue(summary.contains("share_failed,text,,2,0,,0,0.65762"), String.join("\n", summary));
        assertTrue(summary.contains("vote_present,text,,2,3,0,3,3"), String.join("\n", summary));
        assertTrue(summary.contains("vote_accredited,text,,2,6,0,6,6"), String.join("\n", summary));
        assertTrue(summary.contains("vote_quorum,text,,2,4,0,4,4"), String.join("\n", summary));
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("<td>no-quorum</td>"), "the state table names the outcome");
        assertTrue(report.contains("<td class=\"num\">3.0 [3.000, 3.000]</td><td class=\"num\">6.0 [6.000, 6.000]</td>"
                + "<td class=\"num\">4.0 [4.000, 4.000]</td>"), "present, accredited, quorum");
        assertTrue(report.contains("0.6 of those accredited"), "the report states the quorum rule");

        CliTest.Result lower = CliTest.plenary("run", file.toString(), "--out", dir.resolve("lower").toString(),
                "--set", "decision.quorum=0.5");
        assertEquals(0, lower.exitCode(), lower.err());
        assertTrue(lower.out().contains("vote-adopted 100%"), lower.out());
        assertTrue(lower.out().contains("present 3 of 6 accredited, quorum 3"), lower.out());
        assertTrue(!lower.out().contains("no-quorum"), "no legend line when no vote missed its quorum");

        List<String> rows = compare(runDirectory(dir.resolve("lower")), run);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("no-quorum,text,,")
                && r.contains(",2,2,0,1,1,")), "n 2 and 2, mean 0 then 1, difference 1: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("adopted,text,,") && r.contains(",2,2,1,0,-1,")),
                rows.toString());
        CliTest.Result again = CliTest.plenary("run", file.toString(), "--out", dir.resolve("again").toString(),
                "--set", "decision.quorum=0.5", "--set", "seed=4");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(compare(runDirectory(dir.resolve("lower")), runDirectory(dir.resolve("again"))).stream()
                .noneMatch(r -> r.startsWith("no-quorum,")), "no row when neither run missed a quorum");
    }

    private List<String> compare(Path reference, Path scenario) throws IOException {
        Path out = Files.createTempDirectory(dir, "compare");
        CliTest.Result result = CliTest.plenary("compare", reference.toString(), scenario.toString(), "--out",
                out.toString());
        assertEquals(0, result.exitCode(), result.err());
        try (Stream<Path> files = Files.walk(out)) {
            return Files.readAllLines(files.filter(p -> p.endsWith("comparison.csv")).findFirst().orElseThrow());
        }
    }

    @Test
    void consensusWithoutAFallbackVoteStillEndsAsFailed() throws IOException {
        // C's loss is 0.7 - 0.3 = 0.4 from the text: weighed by its salience, far above a threshold of 0.01.
        Path file = Scenarios.write(dir, "quorum.yaml", SCENARIO
                .replace("decision: {rule: vote,", "decision: {rule: consensus, fallback: fail,")
                .replace("{id: C, position: {a: 0.9}}", "{id: C, position: {a: 0.9}, objection_threshold: 0.01}"));
        CliTest.Result result = CliTest.plenary("run", file.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("replication,item,state,round,a", "1,text,failed,3,0.6", "2,text,failed,3,0.6"),
                Files.readAllLines(runDirectory(dir.resolve("out")).resolve("outcomes.csv")),
                "C objects to the text and there is no vote to fall back on: failed, not no-quorum");
    }

    private static Path runDirectory(Path out) throws IOException {
        try (Stream<Path> runs = Files.walk(out, 2)) {
            return runs.filter(p -> Files.exists(p.resolve("outcomes.csv"))).findFirst().orElseThrow();
        }
    }
}
