package org.plenary.cli;

import java.io.PrintWriter;
import java.util.List;
import org.plenary.Version;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "plenary", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = Main.VersionProvider.class,
        description = {"Agent-based simulator of consensus formation in standards bodies (ITU-like assemblies):"
                + " delegations negotiate over rounds, blocs coordinate, coalitions form, chairs draft compromises,"
                + " and texts pass by consensus or vote, or fail.",
            "Run a scenario (run), check it (validate), vary parameters (sweep, also on Slurm: worker, status),"
                + " find which matter (sensitivity), compare saved runs (compare), rebuild a run's report (report),"
                + " score ballots against an observed roll call (backtest), fit parameters to it (calibrate),"
                + " use the reference models (predict, power, landscape, import-ktab, verify-models), or watch a"
                + " negotiation in the browser (explore). 'plenary help COMMAND' explains each."},
        footer = {"", "Exit codes: 0 ok, 1 internal error (for verify-models: a failed check),",
            "2 bad usage or invalid input.",
            "Start with: plenary run scenarios/us-withdraws.yaml"})
public final class Main implements Runnable {
    /** The subcommands, in the order 'plenary --help' lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, ValidateCommand.class,
            SweepCommand.class, SensitivityCommand.class, CompareCommand.class, ReportCommand.class,
            BacktestCommand.class, CalibrateCommand.class, PredictCommand.class, ImportKtabCommand.class,
            PowerCommand.class, LandscapeCommand.class, VerifyModelsCommand.class, IdealPointsCommand.class,
            WorkerCommand.class, StatusCommand.class, ExploreCommand.class, CommandLine.HelpCommand.class);

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of "
                + String.join(", ", spec.subcommands().keySet()) + " ('plenary help' explains them)");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int exitCode;
        try {
            exitCode = commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // Results are cleaned up by then (try-with-resources and the shutdown hook); say what to do.
            System.err.println("plenary: out of memory. Lower the rounds, replications in flight (--threads) or"
                    + " delegations, or give Java more, e.g. PLENARY_JAVA_OPTS=-Xmx8g");
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** The configured command line with every command, for tests that run the real command. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: with only the command they name, when they start with one
     * other than help, else with all. Picocli reads every command's options and help when it is
     * added, about 0.2 s at start-up for the seventeen (docs/performance.md, issue 22).
     */
    static CommandLine commandLine(String[] args) {
        System.setProperty("plenary.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        CommandLine commandLine = new CommandLine(new Main());
        String named = args.length > 0 ? args[0] : "";
        boolean one = !named.equals("help") && COMMANDS.stream().anyMatch(command -> name(command).equals(named));
        for (Class<?> command : COMMANDS) {
            if (!one || name(command).equals(named)) {
                commandLine.addSubcommand(command);
            }
        }
        unwrappedFooters(commandLine);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (exception instanceof InputException input) {
                for (Problem problem : input.problems()) {
                    err.println("error: " + problem);
                }
                err.flush();
                return 2;
            }
            err.println("plenary: internal error: " + exception);
            if (System.getenv("PLENARY_DEBUG") != null) {
                exception.printStackTrace(err);
            } else {
                err.println("(set PLENARY_DEBUG=1 for the stack trace; please report it)");
            }
            err.flush();
            return 1;
        });
        return commandLine;
    }

    /**
     * A usage error in one line and where to read more: the whole help page would bury the message.
     * Picocli's "did you mean" for a misspelt option or command is kept.
     */
    private static int usageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine line = exception.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("error: " + exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("see '" + line.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Prints every command's footer (its examples) line by line as written, never wrapped: a
     * wrapped example breaks when copied into a shell.
     */
    private static void unwrappedFooters(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> String.join(System.lineSeparator(), help.commandSpec().usageMessage().footer())
                        + System.lineSeparator());
        commandLine.getSubcommands().values().forEach(Main::unwrappedFooters);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"plenary " + Version.get(),
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
