package org.plenary.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plenary.reference.VotingPower;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "power", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Voting power of each voter in a weighted voting game [Q; w1, ..., wn].",
            "A coalition wins when its members' weights add up to at least Q.",
            "  shapley_shubik  share of the n! orderings in which the voter turns a losing",
            "                  coalition into a winning one",
            "  banzhaf         the voter's swings over everyone's swings",
            "  swings          losing coalitions the voter makes win (exact counts)",
            "Exact for any number of voters when weights have at most 6 decimals and",
            "voters x quota stays under 4 million; otherwise up to 25 voters.",
            ""},
        footer = {"", "Examples:",
            "  plenary power --quota 51 --weights 50,49,1       # 2/3,1/6,1/6 and 3/5,1/5,1/5",
            "  plenary power --quota 12 --weights 4,4,4,2,2,1 --json    # EEC Council, 1958"})
final class PowerCommand implements Callable<Integer> {
    @Option(names = "--quota", paramLabel = "Q", required = true,
            description = "Weight a coalition needs to win: more than 0 and at most the total weight.")
    double quota;

    @Option(names = "--weights", paramLabel = "W", split = ",", required = true,
            description = "The voters' weights, comma-separated, each finite and at least 0.")
    double[] weights;

    @Option(names = "--json", description = "Print JSON: {\"shapley_shubik\": [...], \"banzhaf\": [...],"
            + " \"swings\": [...]}, in the order of the weights.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new InputException(new Problem("--weights", 0, "", "weight " + (i + 1) + " is "
                        + weights[i] + "; weights are finite and at least 0"));
            }
        }
        double total = Arrays.stream(weights).sum();
        if (!(quota > 0 && quota <= total)) {
            throw new InputException(new Problem("--quota", 0, "", "must be more than 0 and at most the total weight "
                    + Numbers.format(total) + " (so that nobody alone decides nothing and everyone together wins), got "
                    + Numbers.format(quota)));
        }
        VotingPower.Result power;
        try {
            power = VotingPower.compute(quota, weights);
        } catch (IllegalArgumentException e) {
            throw new InputException(new Problem("--weights", 0, "", e.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("shapley_shubik", power.shapleyShubik());
            root.put("banzhaf", power.banzhaf());
            root.put("swings", List.of(power.swings()));
            Cli.printJson(out, root);
            return 0;
        }
        out.printf("[%s; %s]: %d voters%n", Numbers.format(quota),
                String.join(", ", Arrays.stream(weights).mapToObj(Numbers::format).toList()), weights.length);
        Table table = new Table("voter", "weight", "shapley_shubik", "banzhaf", "swings");
        for (int i = 0; i < weights.length; i++) {
            table.row(i + 1, Numbers.format(weights[i]), Numbers.format(power.shapleyShubik()[i]),
                    Numbers.format(power.banzhaf()[i]), power.swings()[i]);
        }
        table.print(out);
        return 0;
    }
}
