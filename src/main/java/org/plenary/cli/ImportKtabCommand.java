package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plenary.scenario.InputException;
import org.plenary.scenario.KtabFile;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioBinder;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.scenario.SourceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-ktab", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Convert a KTAB scenario CSV into the equivalent Plenary scenario YAML.",
            "KTAB's format: line 1 name,description,nActors,nDims; line 2 the header",
            "Actor,Description,Power,Pstn1,Sal1,...; then one actor a line, on 0-100.",
            "Positions and saliences are divided by 100, Power becomes the capability,",
            "dimensions are d1..dN; there is no agenda and every other parameter keeps its",
            "default. Every command reads a .csv scenario directly; convert it to add an",
            "agenda, blocs and events.",
            ""},
        footer = {"", "Examples:",
            "  plenary import-ktab scenarios/ktab/SOE-Pol-Comp.csv",
            "  plenary import-ktab scenarios/ktab/dummyData_3Dim.csv --out dummy3.yaml",
            "  plenary validate dummy3.yaml"})
final class ImportKtabCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The KTAB scenario.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE.yaml",
            description = "Write the YAML to this file (replacing it) instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SourceTree tree = KtabFile.load(file);
        Scenario scenario = ScenarioBinder.bind(tree).scenario();
        String yaml = "# Converted from the KTAB scenario " + file.getFileName() + " by plenary import-ktab:\n"
                + "# positions and saliences divided by 100, Power as capability, no agenda, other parameters"
                + " at their defaults.\n" + ScenarioYaml.writeTree(tree.root());
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(yaml);
        } else {
            try {
                Files.writeString(out, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(new Problem("--out " + out, 0, "", "cannot write the file: " + e));
            }
            stdout.printf("%s: scenario '%s' with %d delegations on %d dimensions, from %s%n", out, scenario.name(),
                    scenario.delegations().size(), scenario.dimensions().size(), file);
        }
        stdout.flush();
        return 0;
    }
}
