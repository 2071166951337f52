package org.plenary.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.plenary.validation.Check;
import org.plenary.validation.ModelChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify-models", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Re-run every check of the models against published or hand-derived results.",
            "Prints a table: check, source, expected, got, pass/FAIL. Covers voting power",
            "([51; 50, 49, 1], the EEC Council of 1958, 194 equal states), Bueno de",
            "Mesquita's EC emission data (round-0 median 7.0, mean 7.38996), landscape theory",
            "by hand, and Deffuant and Hegselmann-Krause cluster counts reproduced with the",
            "assembly's own mechanisms (a few seconds). docs/validation.md holds the table",
            "and the citations.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed",
            "1:a check failed (see its FAIL row). An internal error also exits 1, but it",
            " :prints 'plenary: internal error' and no table.",
            "2:bad usage"},
        footer = {"", "Examples:",
            "  plenary verify-models",
            "  plenary verify-models --markdown    # the table in docs/validation.md"})
final class VerifyModelsCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "Print the table as Markdown, as docs/validation.md shows it.")
    boolean markdown;

    @Spec
    CommandSpec spec;

    private final Supplier<List<Check>> checks;

    VerifyModelsCommand() {
        this(ModelChecks::all);
    }

    /** With other checks: lets tests see how a failing check is reported. */
    VerifyModelsCommand(Supplier<List<Check>> checks) {
        this.checks = checks;
    }

    @Override
    public Integer call() {
        List<Check> results = checks.get();
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.println("| Check | Source | Expected | Got | Result |");
            out.println("| --- | --- | --- | --- | --- |");
            for (Check check : results) {
                out.printf("| %s | %s | %s | %s | %s |%n", markdown(check.name()), markdown(check.source()),
                        markdown(check.expected()), markdown(check.got()), verdict(check));
            }
        } else {
            Table table = new Table("check", "source", "expected", "got", "result");
            results.forEach(check -> table.row(check.name(), check.source(), check.expected(), check.got(),
                    verdict(check)));
            table.print(out);
        }
        long failed = results.stream().filter(check -> !check.passed()).count();
        out.printf("%n%d of %d checks passed%s%n", results.size() - failed, results.size(),
                failed == 0 ? "" : "; " + failed + " FAILED");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** A table cell: a '|' would end it. */
    private static String markdown(String text) {
        return text.replace("|", "\\|");
    }

    private static String verdict(Check check) {
        return check.passed() ? "pass" : "FAIL";
    }
}
