package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.plenary.Version;
import org.plenary.backtest.HistoryPooling;
import org.plenary.idealpoints.IdealPointFiles;
import org.plenary.idealpoints.IdealPointModel;
import org.plenary.idealpoints.RecurringForecast;
import org.plenary.scenario.RollCalls;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ideal-points", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Estimate each delegation's ideal point(s) from a roll-call file.",
            "An ordered (no < abstain < yes) logit item-response model in the spirit of Bailey, Strezhnev & Voeten"
                + " (2017): P(vote >= abstain) = logistic(a_j + b_j.x_i), P(yes) = logistic(a_j + b_j.x_i - delta_j),"
                + " priors x ~ N(0, 1) and a, b, delta ~ N(0, 25); posterior mode with 90%% Laplace intervals.",
            "Identification: centred, principal axes (dimension 1 varies most), standard deviation 1 per dimension,"
                + " the --anchor delegation positive on every dimension.",
            "Writes ideal-points.csv (delegation,dimension,estimate,low,high), charts/ideal-points.png and"
                + " manifest.json into --out DIR, which must not exist yet; nothing is written on bad input or"
                + " when the estimate does not converge."},
        footer = {"", "VOTES is a CSV with a header rcid,iso3,vote (yes, no or abstain; absent states have no row).",
            "--roll-calls names a CSV with rcid and session columns; every rcid of VOTES must be listed there.",
            "", "Examples:",
            "  plenary ideal-points scenarios/data/unga-votes-2015-2019.csv --out results/ideal-points-73 \\",
            "      --roll-calls scenarios/data/unga-roll-calls-2015-2019.csv --sessions 73",
            "  plenary ideal-points scenarios/data/unga-votes-2015-2019.csv --dimensions 2 --out results/ip2"})
final class IdealPointsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VOTES", description = "Roll-call votes: rcid,iso3,vote.")
    Path votesFile;

    @Option(names = "--roll-calls", paramLabel = "FILE", description = "Roll-call metadata (rcid,session,...).")
    Path rollCallFile;

    @Option(names = "--sessions", paramLabel = "S", split = ",",
            description = "Only the roll calls of these sessions (needs --roll-calls), e.g. 70,71,72.")
    Set<Integer> sessions;

    @Option(names = "--only", paramLabel = "RCID", split = ",", description = "Fit these roll calls alone, e.g. the"
            + " three December 2018 ICT votes (6073,6138,6156).")
    Set<String> only;

    @Option(names = "--leave-out", paramLabel = "RCID", split = ",", description = "Roll calls to leave out of the"
            + " fit, e.g. those a later check scores (5394,5395), so the positions never saw them.")
    Set<String> leaveOut;

    @Option(names = "--dimensions", paramLabel = "D", defaultValue = "1", description = "1 or 2 (default: 1).")
    int dimensions;

    @Option(names = "--anchor", paramLabel = "CODE", defaultValue = "USA",
            description = "The delegation placed on the positive side of every dimension (default: USA).")
    String anchor;

    @Option(names = "--max-sweeps", paramLabel = "N", defaultValue = "5000",
            description = "Sweeps of the Newton ascent before giving up (default: 5000).")
    int maxSweeps;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-4",
            description = "Converged when no position (prior scale) moves by more than T in a sweep (default: 1e-4).")
    double tolerance;

    @Option(names = "--forecast-session", paramLabel = "S", description = "Also forecast session S's recurring roll"
            + " calls (same title as an earlier whole-resolution vote) from the fit on the earlier sessions, beside"
            + " persistence (needs --roll-calls; without --sessions, every session before S is fitted).")
    Integer forecastSession;

    @Option(names = "--history", paramLabel = "N", defaultValue = "2", description = "How many earlier votes of a"
            + " state on the same resolution the pooled forecast weighs, 1-3 (default: 2).")
    int history;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to create.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (dimensions != 1 && dimensions != 2) {
            throw new InputException(new Problem("--dimensions " + dimensions, 0, "", "must be 1 or 2"));
        }
        if (history < 1 || history > 3) {
            throw new InputException(new Problem("--history " + history, 0, "", "must be 1, 2 or 3"));
        }
        if (sessions != null && rollCallFile == null) {
            throw new InputException(new Problem("--sessions", 0, "", "needs --roll-calls FILE to know each roll"
                    + " call's session"));
        }
        if (Files.exists(out)) {
            throw new InputException(new Problem("--out " + out, 0, "", "already exists: name a new directory"));
        }
        if (forecastSession != null) {
            if (rollCallFile == null) {
                throw new InputException(new Problem("--forecast-session", 0, "", "needs --roll-calls FILE to find"
                        + " recurring roll calls"));
            }
            if (sessions == null) {
                sessions = RecurringForecast.sessionsBefore(rollCallFile, forecastSession);
            } else if (sessions.stream().anyMatch(x -> x >= forecastSession)) {
                throw new InputException(new Problem("--sessions", 0, "", "must all be before --forecast-session "
                        + forecastSession + ": the forecast uses earlier sessions only"));
            }
        }
        RollCalls votes = RollCalls.read(votesFile, rollCallFile, sessions == null ? null : new TreeSet<>(sessions));
        List<String> known = new java.util.ArrayList<>(votes.items());
        known.addAll(votes.unanimous());
        if (only != null) {
            requireListed("--only", only, known);
            votes = votes.without(new TreeSet<>(known.stream().filter(rcid -> !only.contains(rcid)).toList()));
        }
        if (leaveOut != null) {
            requireListed("--leave-out", leaveOut, known);
            votes = votes.without(leaveOut);
        }
        if (!votes.delegations().contains(anchor)) {
            throw new InputException(new Problem("--anchor " + anchor, 0, "", org.plenary.scenario.Suggestions.unknown(
                    "delegation in " + votesFile, anchor, votes.delegations())));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!votes.unanimous().isEmpty()) {
            err.printf("note: %d roll call(s) where everyone voted alike say nothing about positions and are left out:"
                    + " %s%n", votes.unanimous().size(), String.join(", ", votes.unanimous()));
        }
        IdealPointModel.Estimate fit = IdealPointModel.fit(votes, dimensions, anchor, maxSweeps, tolerance);
        if (!fit.converged()) {
            err.printf("error: the estimate did not converge: after %d sweeps a position still moved by %.3g (tolerance"
                    + " %s); nothing written. Try --max-sweeps or a looser --tolerance.%n", fit.sweeps(),
                    fit.largestChange(), tolerance);
            err.flush();
            return 1;
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("tool_version", Version.get());
        manifest.put("command_line", Cli.commandLine(spec.commandLine()));
        manifest.put("votes_file", votesFile.toString());
        manifest.put("votes_sha256", sha256(votesFile));
        if (rollCallFile != null) {
            manifest.put("roll_call_file", rollCallFile.toString());
            manifest.put("sessions", sessions == null ? "all" : new TreeSet<>(sessions));
        }
        if (only != null) {
            manifest.put("only", new TreeSet<>(only));
        }
        if (leaveOut != null) {
            manifest.put("left_out", new TreeSet<>(leaveOut));
        }
        manifest.putAll(IdealPointFiles.describe(votes, fit, anchor));
        RecurringForecast.Result forecast = forecastSession == null ? null
                : RecurringForecast.run(votesFile, rollCallFile, forecastSession, history, fit, votes,
                        earlier -> IdealPointModel.fit(earlier, dimensions, anchor, maxSweeps, tolerance));
        if (forecast != null) {
            manifest.put("forecast", forecastJson(forecast));
        }
        Path staging = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".ideal-points-");
        try {
            IdealPointFiles.write(staging, votes, fit, manifest);
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%d delegations, %d roll calls, %d votes: converged after %d sweeps; %s%n",
                votes.delegations().size(), votes.items().size(), votes.size(), fit.sweeps(), out);
        if (forecast != null) {
            stdout.printf("session %d: %d recurring roll calls, %d votes scored (%d of states not in the fit left out)%n",
                    forecastSession, forecast.pairs(), forecast.scored(), forecast.unscored());
            Table table = new Table("forecast", "accuracy", "kappa", "log-loss", "brier");
            row(table, "item response", forecast.model());
            row(table, "persistence", forecast.persistence());
            if (forecast.pooled() != null) {
                row(table, "persistence, fitted probabilities", forecast.fittedPersistence());
                row(table, "item response + previous vote", forecast.pooled());
            }
            table.row("majority (reads the votes)", f(forecast.model().baselineMajority()), "-", "-", "-");
            table.print(stdout);
            stdout.println(forecast.pooled() == null ? "no session before " + forecast.weighedOn()
                    + " to fit the weight of the previous vote on: forecasts with it left out"
                    : "weights fitted on session " + forecast.weighedOn() + "'s forecast from the sessions before it: "
                    + weights(forecast.pooledWeights()) + "; persistence alone: " + weights(forecast.persistenceWeights()));
        }
        stdout.flush();
        return 0;
    }

    /** Every rcid an option names must be a roll call of the selection (a typo would silently change nothing). */
    private void requireListed(String option, Set<String> rcids, List<String> known) throws InputException {
        for (String rcid : rcids) {
            if (!known.contains(rcid)) {
                throw new InputException(new Problem(option + " " + rcid, 0, "", org.plenary.scenario.Suggestions
                        .unknown("roll call in the selection of " + votesFile, rcid, known)));
            }
        }
    }

    private static Map<String, Object> forecastJson(RecurringForecast.Result forecast) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recurring_roll_calls", forecast.pairs());
        json.put("votes_scored", forecast.scored());
        json.put("votes_of_states_not_fitted", forecast.unscored());
        json.put("item_response", scores(forecast.model()));
        json.put("persistence", scores(forecast.persistence()));
        if (forecast.pooled() != null) {
            json.put("weights_fitted_on_session", forecast.weighedOn());
            json.put("persistence_fitted", scores(forecast.fittedPersistence()));
            json.put("persistence_fitted_weights", weightsJson(forecast.persistenceWeights()));
            json.put("item_response_and_previous_vote", scores(forecast.pooled()));
            json.put("item_response_and_previous_vote_weights", weightsJson(forecast.pooledWeights()));
        }
        json.put("majority_baseline_accuracy", forecast.model().baselineMajority());
        return json;
    }

    private static final String[] VOTE_NAMES = {"yes", "no", "abstain"};

    /** alpha, then repeat_&lt;vote&gt;_&lt;h&gt; for a vote cast h recurrences back. */
    private static Map<String, Object> weightsJson(HistoryPooling.Weights w) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("alpha", w.alpha());
        for (int k = 0; k < w.repeat().length; k++) {
            map.put("repeat_" + VOTE_NAMES[k % 3] + "_" + (k / 3 + 1), w.repeat()[k]);
        }
        return map;
    }

    private static String weights(HistoryPooling.Weights w) {
        StringBuilder text = new StringBuilder(String.format("alpha %.2f", w.alpha()));
        for (int k = 0; k < w.repeat().length; k++) {
            text.append(String.format(", %s %d back %.2f", VOTE_NAMES[k % 3], k / 3 + 1, w.repeat()[k]));
        }
        return text.toString();
    }

    private static Map<String, Object> scores(org.plenary.backtest.BallotScores.Scores s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accuracy", s.accuracy());
        map.put("kappa", s.kappa());
        map.put("log_loss", s.logLoss());
        map.put("brier", s.brier());
        return map;
    }

    private static void row(Table table, String name, org.plenary.backtest.BallotScores.Scores s) {
        table.row(name, f(s.accuracy()), f(s.kappa()), f(s.logLoss()), f(s.brier()));
    }

    private static String f(double value) {
        return Double.isFinite(value) ? String.format("%.3f", value) : "-";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
