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
        out.printf("%s: valid scenario '%s': %d delegations, %d dimensions, %d agenda items, %d events,"
                        + " %d rounds, %d replications%n", loaded.file(), s.name(), s.delegations().size(),
                s.dimensions().size(), s.agenda().size(), s.events().size(), s.rounds(), s.replications());
        if (!loaded.referenceColumns().isEmpty()) {
            out.println("note: delegations file columns kept for reference, not used by the model: "
                    + String.join(", ", loaded.referenceColumns()));
        }
        out.flush();
        return 0;
    }

    static void printWarnings(PrintWriter err, List<Problem> warnings) {
        for (Problem warning : warnings) {
            err.println("warning: " + warning);
        }
        err.flush();
    }
}
