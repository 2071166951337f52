package org.plenary.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plenary.analysis.BacktestReport;
import org.plenary.results.RunReport;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"(Re)write report.html for a results directory.",
            "One self-contained page with the scenario, the manifest (version, seeds, parameters), every chart and"
                + " the summary tables. Reads the saved files only; never re-runs a model. 'run' and 'backtest'"
                + " write the report already."},
        footer = {"", "Example:", "  plenary report results/small-assembly/20260101T120000Z-1a2b3c4d"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULT_DIR", description = "A directory written by 'plenary run' or 'plenary backtest'.")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String kind = RunFolders.kind(directory);
        if (kind.equals("sweep") || kind.equals("comparison")) {
            throw new InputException(new Problem(directory.toString(), 0, "", "is a " + kind + " directory, whose"
                    + " report.html its command wrote already; 'plenary report' rewrites the report of a run"));
        }
        if (kind.equals("backtest")) {
            print(BacktestReport.write(directory, directory));
            return 0;
        }
        for (String required : new String[] {"manifest.json", "summary.json"}) {
            if (!Files.isRegularFile(directory.resolve(required))) {
                throw new InputException(new Problem(directory.toString(), 0, "",
                        "not a complete results directory: " + required + " is missing"));
            }
        }
        print(RunReport.write(directory));
        return 0;
    }

    private void print(Path report) {
        spec.commandLine().getOut().println("report: " + report);
        spec.commandLine().getOut().flush();
    }
}
