package org.plenary.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Check a scenario file without running it.",
            "Every problem is reported with its file, line and field; exit code 2 if there is any."},
        footer = {"", "Example:", "  plenary validate scenarios/small-assembly.yaml --set influence.rate=0.5"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ScenarioInput input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScenarioLoader.Loaded loaded = input.load(List.of());
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = loaded.scenario();
        printWarnings(spec.commandLine().getErr(), loaded.warnings());
        out.printf("%s: valid scenario '%s': %s, %s, %s, %s, %s, %s%n", loaded.file(), s.name(),
                count(s.delegations().size(), "delegation"), count(s.dimensions().size(), "dimension"),
                count(s.agenda().size(), "agenda item"), count(s.events().size(), "event"),
                count(s.rounds(), "round"), count(s.replications(), "replication"));
        if (!loaded.referenceColumns().isEmpty()) {
            out.println("note: delegations file columns kept for reference, not used by the model: "
                    + String.join(", ", loaded.referenceColumns()));
        }
        out.flush();
        return 0;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void printWarnings(PrintWriter err, List<Problem> warnings) {
        for (Problem warning : warnings) {
            err.println("warning: " + warning);
        }
        err.flush();
    }
}
