package org.plenary.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.plenary.results.EventTiming;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Check a scenario file without running it.",
            "Every problem is reported with its file, line and field; exit code 2 if there is any. With events,"
                + " runs its first " + ValidateCommand.TIMING_REPLICATIONS + " replications to warn when the events come"
                + " after every agenda item has closed (and so cannot change outcomes)."},
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
        String timing = eventTiming(s);
        if (timing != null) {
            spec.commandLine().getErr().println("warning: " + timing);
            spec.commandLine().getErr().flush();
        }
        if (!loaded.referenceColumns().isEmpty()) {
            out.println("note: delegations file columns kept for reference, not used by the model: "
                    + String.join(", ", loaded.referenceColumns()));
        }
        out.flush();
        return 0;
    }

    /** Replications run to check whether the events come after every item has closed. */
    static final int TIMING_REPLICATIONS = 5;

    /**
     * Runs a few replications (the first {@value #TIMING_REPLICATIONS}, the same seeds as 'run')
     * to see whether the events come too late to matter; null when they do not, or there are none.
     */
    private static String eventTiming(Scenario scenario) {
        if (scenario.events().isEmpty() || scenario.agenda().isEmpty()) {
            return null;
        }
        EventTiming timing = new EventTiming(scenario);
        int replications = Math.min(TIMING_REPLICATIONS, scenario.replications());
        for (int r = 1; r <= replications; r++) {
            timing.add(Experiment.replicate(scenario, 0, r));
        }
        return timing.warning();
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
