package org.plenary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its overrides, shared by every command that reads a scenario. */
public final class ScenarioInput {

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Scenario file: YAML (see docs/scenario-format.md), or a KTAB scenario CSV (.csv),"
                    + " read as its equivalent YAML (see plenary import-ktab --help).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override any parameter, repeatable. Paths follow the YAML structure; delegations,"
                    + " blocs and agenda items are addressed by id:",
                "  --set influence.rate=0.2", "  --set delegations.USA.capability=0",
                "  --set blocs.CEPT.cohesion=0.9", "  --set decision.majority=0.67"})
    List<String> sets = new ArrayList<>();

    /** Loads the scenario with the --set overrides first, then the given command-line ones. */
    ScenarioLoader.Loaded load(List<Overrides.Assignment> commandOverrides) throws InputException {
        return load(file, sets, commandOverrides);
    }

    /** As {@link #load(List)}, then the scenario's warnings on {@code err}: how a command that runs it starts. */
    ScenarioLoader.Loaded loadAndWarn(List<Overrides.Assignment> commandOverrides, PrintWriter err)
            throws InputException {
        return loadAndWarn(file, sets, commandOverrides, err);
    }

    static ScenarioLoader.Loaded loadAndWarn(Path file, List<String> sets, List<Overrides.Assignment> commandOverrides,
            PrintWriter err) throws InputException {
        ScenarioLoader.Loaded loaded = load(file, sets, commandOverrides);
        ValidateCommand.printWarnings(err, loaded.warnings());
        return loaded;
    }

    static ScenarioLoader.Loaded load(Path file, List<String> sets, List<Overrides.Assignment> commandOverrides)
            throws InputException {
        List<Overrides.Assignment> assignments = new ArrayList<>();
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        assignments.addAll(commandOverrides);
        return ScenarioLoader.load(file, assignments);
    }
}
