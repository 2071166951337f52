package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.plenary.explore.ExplorerServer;
import org.plenary.explore.ExplorerSession;
import org.plenary.explore.ScenarioCatalog;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explore", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Watch a negotiation round by round in your web browser, change parameters, trigger a"
                + " withdrawal, run replications, and export what you set up as a scenario file.",
            "A local web server on 127.0.0.1 (this machine only) serves the page; it offers the scenarios given"
                + " here and the bundled ones in scenarios/. The page plays replication 1 of the scenario with"
                + " the seed plenary run uses, so 'plenary run' on an exported file reproduces what you saw."
                + " Stop it with Ctrl-C."},
        footer = {"", "Examples:",
            "  plenary explore",
            "  plenary explore scenarios/small-assembly.yaml --port 8080 --no-browser"})
final class ExploreCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "SCENARIO",
            description = "Scenario files to offer first (YAML or KTAB CSV); the first one opens.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "Port to listen on (default: any free port; the address is printed).")
    int port;

    @Option(names = "--no-browser", description = "Do not try to open the page in a browser; just print its address.")
    boolean noBrowser;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads for 'run N replications' (default: all ${sys:plenary.cores} cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new InputException(new Problem("--port " + port, 0, "", "must be 0 (any free port) to 65535"));
        }
        ExplorerSession session = new ExplorerSession(
                ScenarioCatalog.of(files, ScenarioCatalog.bundledFolder()), Cli.threads(threads));
        ExplorerServer server;
        try {
            server = ExplorerServer.start(session, port);
        } catch (RuntimeException e) {
            throw new InputException(new Problem("--port " + port, 0, "", "cannot listen on 127.0.0.1:" + port
                    + " (" + e.getMessage() + "); choose another port or leave --port out"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("plenary explore: open " + server.address() + " (Ctrl-C stops it)");
        out.flush();
        if (!noBrowser && !openBrowser(server.address())) {
            out.println("(no browser could be started here; open the address yourself)");
            out.flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Asks the desktop to open the address: xdg-open on Linux, open on macOS, start on Windows. */
    private static boolean openBrowser(String address) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", address)
                : os.contains("mac") ? List.of("open", address) : List.of("xdg-open", address);
        if (!os.contains("win") && !os.contains("mac") && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null) {
            return false;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
